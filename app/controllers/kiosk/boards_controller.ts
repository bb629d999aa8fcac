import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { boardSearchValidator } from '#validators/kiosk'
import LoadKioskBoard from '#actions/kiosk/load_kiosk_board'
import BoardFingerprint from '#actions/kiosk/board_fingerprint'
import { boardDelta, boardEtag, cachedBoard, keptBoard, keptCards } from '#services/kiosk/board_cache'

/**
 * Today's board. One URL, three answers: htmx (search, live refresh) gets the list fragment,
 * rendered once per change of the day (see BoardFingerprint) and shared by every tablet,
 * its cards kept by their sessions' board stamps. A polling tablet whose fragment is still
 * current gets a 304 (the fingerprint is its ETag); one that names the board it holds
 * (X-Board-Since, kiosk_board.js) gets only the cards changed since, when that board is kept.
 */
export default class BoardsController {
  async show({ request, response, view }: HttpContext) {
    const { q } = await request.validateUsing(boardSearchValidator, { data: request.qs() })
    const { key: day, today } = await BoardFingerprint.handle()
    const key = `${q ?? ''}|${day}`
    const fragment = Boolean(request.header('hx-request'))
    const since = fragment ? request.header('x-board-since') : undefined
    if (fragment) {
      const etag = boardEtag(key)
      response.header('ETag', etag)
      response.header('Cache-Control', 'private, no-cache')
      response.header('Vary', 'HX-Request, X-Board-Since')
      if (response.fresh() || since === etag) return response.notModified()
    }
    const board = await cachedBoard(key, (etag) => renderBoard(view, q ?? '', etag))
    if (fragment) {
      const held = since ? await keptBoard(since)?.catch(() => undefined) : undefined
      const delta = held && boardDelta(held, board)
      if (delta) {
        response.header('X-Board', 'delta')
        return view.render('pages/kiosk/board/_delta', { ...delta, etag: board.etag })
      }
      response.header('X-Board', 'full')
      response.header('Content-Type', 'text/html; charset=utf-8')
      return board.bytes
    }
    return view.render('pages/kiosk/board/show', { listHtml: board.html, q: q ?? '', today })
  }
}

/**
 * A card is its who-and-what part (_card: rendered from the slot's details, only when those
 * changed) in an item rendered from the slot alone (_item): a check-in renders one item again.
 */
async function renderBoard(view: HttpContext['view'], q: string, etag: string) {
  const board = await LoadKioskBoard.slots({ q })
  const zone = board.now.zoneName
  const who = await keptCards(
    board.slots,
    (slot) => `who|${slot.id}|${slot.version}`,
    async (missing) => {
      const slotOf = new Map(missing.map((slot) => [slot.id, slot]))
      const rows = await LoadKioskBoard.details(missing)
      return new Map(await Promise.all(rows.map(async (row) => [slotOf.get(row.id)!, await view.render('pages/kiosk/board/_card', { row })] as const)))
    }
  )
  // A session gone since the slots were read has no details, so no card.
  const cards = board.slots.flatMap((slot, index) => (who[index] ? [{ slot, who: who[index] }] : []))
  const items = await keptCards(
    cards,
    ({ slot }) => `item|${slot.id}|${slot.version}|${slot.status}|${slot.balanceDue}|${slot.currency}|${slot.late}|${slot.nextUp}|${slot.noShow}|${zone}`,
    async (missing) =>
      new Map(
        await Promise.all(
          missing.map(async (card) => {
            const startsAt = DateTime.fromMillis(card.slot.startsAt)
            return [card, await view.render('pages/kiosk/board/_item', { slot: card.slot, who: card.who, startsAt, zone })] as const
          })
        )
      )
  )
  const html = await view.render('pages/kiosk/board/_list', { board, items, etag })
  return { q, ids: cards.map((card) => card.slot.id), items, html }
}
