import type { HttpContext } from '@adonisjs/core/http'
import { randomUUID } from 'node:crypto'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'
import { findByRouteId } from '#services/http/route_ids'

/** A session's card at the desk: children and their styling, notes, payment, next step. */
export default class SessionsController {
  async show({ params, view }: HttpContext) {
    const session = await findByRouteId(PhotoSession, params.session_id)
    await session.load((loader) => loader.load('user').load('package').load('photographer').load('sessionChildren', (q) => q.preload('child')).load('modelReleases', (q) => q.preload('child')))
    return view.render('pages/kiosk/sessions/show', { session, paymentKey: randomUUID(), zone: (await StudioSetting.current()).timezone })
  }
}
