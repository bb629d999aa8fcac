import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'
import PhotoSessionPolicy from '#policies/photo_session_policy'
import { calendarQueryValidator } from '#validators/booking'
import { rescheduleValidator } from '#validators/photo_session'
import RescheduleSession from '#actions/booking/reschedule_session'
import LoadMonthView from '#actions/booking/load_month_view'
import { refusalMessage } from '#booking/refusal_messages'
import { fieldError } from '#services/http/field_error'
import { isUuid, notFound } from '#services/http/route_ids'

/** The family moves its session to another free time, inside the cancellation window. */
export default class SessionReschedulesController {
  async create(ctx: HttpContext) {
    const session = await familySession(ctx)
    const studio = await StudioSetting.current()
    if (!studio.canCancelFreely(session.startsAt)) return outsideWindow(ctx, session, studio)
    await session.load('package')
    const query = await calendarQueryValidator.validate(ctx.request.qs())
    const current = session.startsAt.setZone(studio.timezone)
    const view = await LoadMonthView.handle({
      durationMinutes: session.estimatedDuration,
      month: query.month ?? (query.date ? undefined : current.toFormat('yyyy-MM')),
      date: query.date ?? current.toISODate()!,
      options: { ignoreSessionId: session.id },
    })
    const pageUrl = router.makeUrl('portal.session_reschedules.create', { session_id: session.id })
    const props = { session, studio, view, pageUrl, formAction: router.makeUrl('portal.session_reschedules.store', { session_id: session.id }) }
    return ctx.view.render('pages/portal/session_reschedules/create', props)
  }

  async store(ctx: HttpContext) {
    const session = await familySession(ctx)
    const input = await ctx.request.validateUsing(rescheduleValidator)
    const startsAt = DateTime.fromISO(input.startsAt ?? '', { setZone: true })
    if (!startsAt.isValid) throw fieldError('startsAt', 'Choose one of the listed times')
    const photographer = input.photographer && input.photographer !== 'any' ? input.photographer : undefined
    const result = await RescheduleSession.handle(ctx.actor, session, { startsAt, photographerId: photographer })
    if (result.ok) {
      ctx.session.flash('success', 'Your session is moved. We emailed you the updated invitation.')
      return ctx.response.redirect().status(303).toRoute('portal.sessions.show', { id: session.id })
    }
    if (result.reason === 'outside_window') return outsideWindow(ctx, session, await StudioSetting.current())
    if (result.reason === 'refused') throw fieldError('startsAt', refusalMessage(result.refusal))
    ctx.session.flash('error', 'This session cannot be moved any more. Call the studio.')
    return ctx.response.redirect().status(303).toRoute('portal.sessions.show', { id: session.id })
  }
}

export async function familySession(ctx: HttpContext) {
  const id = ctx.params.session_id
  if (!isUuid(id)) notFound(PhotoSession)
  const session = await PhotoSession.query().where('id', id).where('user_id', ctx.auth.user!.id).first()
  if (!session) notFound(PhotoSession)
  await ctx.bouncer.with(PhotoSessionPolicy).authorize('changeAsFamily', session)
  return session
}

/** Too close to the session to change online: say whom to call. */
export function outsideWindow(ctx: HttpContext, session: PhotoSession, studio: StudioSetting) {
  const contact = [studio.phone && `call ${studio.phone}`, studio.email && `email ${studio.email}`].filter(Boolean).join(' or ')
  ctx.session.flash(
    'error',
    `Changes online close ${studio.cancellationWindowHours} hours before the session. To change it now, ${contact || 'contact the studio'}.`
  )
  return ctx.response.redirect().status(303).toRoute('portal.sessions.show', { id: session.id })
}
