import type { HttpContext } from '@adonisjs/core/http'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'
import PhotoSessionPolicy from '#policies/photo_session_policy'
import LoadFamilySession from '#actions/booking/load_family_session'
import DescribeSession from '#actions/booking/describe_session'
import { googleCalendarUrl } from '#services/calendar/ics'
import { checkInQrSvg } from '#services/calendar/check_in_qr'

/** The family's photo sessions, and one session's page (also the confirmation page after booking). */
export default class SessionsController {
  async index({ auth, view }: HttpContext) {
    const sessions = await PhotoSession.query()
      .withScopes((scopes) => scopes.ofFamily(auth.user!.id))
      .preload('package')
      .orderBy('starts_at', 'desc')
    return view.render('pages/portal/sessions/index', { sessions, studio: await StudioSetting.current() })
  }

  async show({ auth, bouncer, params, view }: HttpContext) {
    const { session, plan } = await LoadFamilySession.handle(params.id, auth.user!.id)
    await bouncer.with(PhotoSessionPolicy).authorize('view', session)
    const studio = await StudioSetting.current()
    const facts = await DescribeSession.handle(session, studio)
    const upcoming = session.isOpen && session.status !== 'in_progress'
    return view.render('pages/portal/sessions/show', {
      session,
      plan,
      studio,
      facts,
      upcoming,
      canChange: upcoming && studio.canCancelFreely(session.startsAt),
      googleUrl: googleCalendarUrl(facts.event),
      qrSvg: upcoming && session.checkInToken ? await checkInQrSvg(session.checkInToken) : null,
    })
  }
}
