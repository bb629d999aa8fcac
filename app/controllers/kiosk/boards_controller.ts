import type { HttpContext } from '@adonisjs/core/http'
import { boardSearchValidator } from '#validators/kiosk'
import LoadKioskBoard from '#actions/kiosk/load_kiosk_board'
import BoardFingerprint from '#actions/kiosk/board_fingerprint'
import { boardEtag, cachedBoard, CSRF_PLACEHOLDER } from '#services/kiosk/board_cache'

/**
 * Today's board. One URL, two renders: htmx (search, live refresh) gets the list fragment,
 * rendered once per change of the day (see BoardFingerprint) and shared by every tablet.
 * A polling tablet whose fragment is still current gets a 304 (the fingerprint is its ETag).
 */
export default class BoardsController {
  async show({ request, response, session, view }: HttpContext) {
    const { q } = await request.validateUsing(boardSearchValidator, { data: request.qs() })
    const { key: day, today } = await BoardFingerprint.handle()
    const key = `${q ?? ''}|${day}`
    const fragment = Boolean(request.header('hx-request'))
    if (fragment) {
      response.header('ETag', boardEtag(key, session.sessionId))
      response.header('Cache-Control', 'private, no-cache')
      response.header('Vary', 'HX-Request')
      if (response.fresh()) return response.notModified()
    }
    const listHtml = await cachedBoard(
      key,
      async () => view.render('pages/kiosk/board/_list', { board: await LoadKioskBoard.handle({ q }), csrfToken: CSRF_PLACEHOLDER }),
      request.csrfToken
    )
    if (fragment) return listHtml
    return view.render('pages/kiosk/board/show', { listHtml, q: q ?? '', today })
  }
}
