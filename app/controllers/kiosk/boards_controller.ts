import type { HttpContext } from '@adonisjs/core/http'
import { boardSearchValidator } from '#validators/kiosk'
import LoadKioskBoard, { type BoardSlot } from '#actions/kiosk/load_kiosk_board'
import BoardFingerprint from '#actions/kiosk/board_fingerprint'
import { boardEtag, cachedBoard, keptCards } from '#services/kiosk/board_cache'

/**
 * Today's board. One URL, two renders: htmx (search, live refresh) gets the list fragment,
 * rendered once per change of the day (see BoardFingerprint) and shared by every tablet,
 * its cards kept by their sessions' board stamps. A polling tablet whose fragment is still
 * current gets a 304 (the fingerprint is its ETag).
 */
export default class BoardsController {
  async show({ request, response, view }: HttpContext) {
    const { q } = await request.validateUsing(boardSearchValidator, { data: request.qs() })
    const { key: day, today } = await BoardFingerprint.handle()
    const key = `${q ?? ''}|${day}`
    const fragment = Boolean(request.header('hx-request'))
    if (fragment) {
      response.header('ETag', boardEtag(key))
      response.header('Cache-Control', 'private, no-cache')
      response.header('Vary', 'HX-Request')
      if (response.fresh()) return response.notModified()
    }
    const board = await cachedBoard(key, async () => {
      const board = await LoadKioskBoard.slots({ q })
      const zone = board.now.zoneName
      const cardKey = (slot: BoardSlot) => `${slot.id}|${slot.stamp}|${slot.late ? 1 : 0}${slot.nextUp ? 1 : 0}|${zone}`
      const cards = await keptCards(board.slots, cardKey, async (missing) => {
        const rows = await LoadKioskBoard.details(missing)
        const slotOf = new Map(missing.map((slot) => [slot.id, slot]))
        return new Map(await Promise.all(rows.map(async (row) => [slotOf.get(row.id)!, await view.render('pages/kiosk/board/_card', { row, zone })] as const)))
      })
      return view.render('pages/kiosk/board/_list', { board, cards })
    })
    if (fragment) {
      response.header('Content-Type', 'text/html; charset=utf-8')
      return board.bytes
    }
    return view.render('pages/kiosk/board/show', { listHtml: board.html, q: q ?? '', today })
  }
}
