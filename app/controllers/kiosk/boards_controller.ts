import type { HttpContext } from '@adonisjs/core/http'
import { boardSearchValidator } from '#validators/kiosk'
import LoadKioskBoard from '#actions/kiosk/load_kiosk_board'
import BoardFingerprint from '#actions/kiosk/board_fingerprint'
import { cachedBoard, CSRF_PLACEHOLDER } from '#services/kiosk/board_cache'

/**
 * Today's board. One URL, two renders: htmx (search, live refresh) gets the list fragment,
 * rendered once per change of the day (see BoardFingerprint) and shared by every tablet.
 */
export default class BoardsController {
  async show({ request, view }: HttpContext) {
    const { q } = await request.validateUsing(boardSearchValidator, { data: request.qs() })
    const { key: day, today } = await BoardFingerprint.handle()
    const key = `${q ?? ''}|${day}`
    const listHtml = await cachedBoard(
      key,
      async () => view.render('pages/kiosk/board/_list', { board: await LoadKioskBoard.handle({ q }), csrfToken: CSRF_PLACEHOLDER }),
      request.csrfToken
    )
    if (request.header('hx-request')) return listHtml
    return view.render('pages/kiosk/board/show', { listHtml, q: q ?? '', today })
  }
}
