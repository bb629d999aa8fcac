import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'
import PhotoSessionPolicy from '#policies/photo_session_policy'
import { rescheduleValidator } from '#validators/photo_session'
import RescheduleSession from '#actions/booking/reschedule_session'
import { OVERRIDABLE } from '#booking/availability'
import { refusalMessage } from '#booking/refusal_messages'
import { fieldError } from '#services/http/field_error'
import { findByRouteId } from '#services/http/route_ids'

const REFUSALS = {
  not_movable: 'Only booked or confirmed sessions can be moved.',
  changed_meanwhile: 'Someone else moved this session meanwhile: look again.',
  reason_required: 'Say why you override the rules.',
  outside_window: 'Too close to the session.',
} as const

/**
 * The studio moves a session (the calendar's drag, or the session page's form): the same
 * rules as families, but an admin or photographer may override them with a reason. The
 * calendar asks for JSON (and then offers the override); the form gets a redirect.
 */
export default class SessionMovesController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(PhotoSessionPolicy).authorize('manage')
    const session = await findByRouteId(PhotoSession, ctx.params.session_id)
    const input = await ctx.request.validateUsing(rescheduleValidator)
    const zone = (await StudioSetting.current()).timezone
    const startsAt = input.startsAt
      ? DateTime.fromISO(input.startsAt, { setZone: true })
      : DateTime.fromISO(`${input.date}T${input.time}`, { zone })
    if (!startsAt.isValid) throw fieldError('startsAt', 'Choose a date and time')
    const photographer = input.photographer && input.photographer !== 'any' ? input.photographer : (session.photographerId ?? undefined)
    const result = await RescheduleSession.handle(ctx.actor, session, {
      startsAt,
      photographerId: photographer,
      override: !!input.override,
      reason: input.reason,
    })
    const json = ctx.request.accepts(['html', 'json']) === 'json'

    if (result.ok) {
      const message = `${session.sessionNumber} moved to ${startsAt.setZone(zone).toFormat("ccc d LLL 'at' h:mm a")}${result.overridden.length ? ' (rules overridden)' : ''}.`
      if (json) return { ok: true, message }
      ctx.session.flash('success', message)
      return ctx.response.redirect().status(303).toRoute('admin.sessions.show', { id: session.id })
    }
    const message = result.reason === 'refused' ? `${refusalMessage(result.refusal)}.` : REFUSALS[result.reason]
    const overridable = result.reason === 'refused' && OVERRIDABLE.includes(result.refusal)
    if (json) return ctx.response.status(422).send({ ok: false, message, overridable })
    if (result.reason === 'refused' || result.reason === 'reason_required') {
      throw fieldError(result.reason === 'refused' ? 'time' : 'reason', overridable ? `${message} Tick “override” and say why to move it anyway.` : message)
    }
    ctx.session.flash('error', message)
    return ctx.response.redirect().status(303).toRoute('admin.sessions.show', { id: session.id })
  }
}
