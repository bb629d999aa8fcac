import type { HttpContext } from '@adonisjs/core/http'
import { boardSearchValidator } from '#validators/kiosk'
import LoadKioskBoard from '#actions/kiosk/load_kiosk_board'
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
      const slots = await LoadKioskBoard.slots({ q })
      const zone = slots.now.zoneName
      // A card is two kept parts: who and what (rendered from the slot's details, only when those
      // changed) and its status (from the slot alone): a check-in re-renders the second.
      const details = await keptCards(
        slots.slots,
        (slot) => `who|${slot.id}|${slot.version}|${slot.late ? 1 : 0}${slot.nextUp ? 1 : 0}|${zone}`,
        async (missing) => {
          const slotOf = new Map(missing.map((slot) => [slot.id, slot]))
          const rows = await LoadKioskBoard.details(missing)
          return new Map(await Promise.all(rows.map(async (row) => [slotOf.get(row.id)!, await view.render('pages/kiosk/board/_card', { row, zone })] as const)))
        }
      )
      const states = await keptCards(
        slots.slots,
        (slot) => `state|${slot.id}|${slot.status}|${slot.balanceDue}|${slot.currency}`,
        async (missing) => new Map(await Promise.all(missing.map(async (slot) => [slot, await view.render('pages/kiosk/board/_state', { card: slot })] as const)))
      )
      return view.render('pages/kiosk/board/_list', { board: slots, details, states })
    })
    if (fragment) {
      response.header('Content-Type', 'text/html; charset=utf-8')
      return board.bytes
    }
    return view.render('pages/kiosk/board/show', { listHtml: board.html, q: q ?? '', today })
  }
}
