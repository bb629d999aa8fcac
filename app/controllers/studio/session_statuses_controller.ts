import type { HttpContext } from '@adonisjs/core/http'
import PhotoSession from '#models/photo_session'
import PhotoSessionPolicy from '#policies/photo_session_policy'
import { sessionStatusValidator } from '#validators/photo_session'
import ChangeSessionStatus from '#actions/sessions/change_session_status'
import { SESSION_MOVE_LABELS } from '#actions/sessions/session_moves'
import { fieldError } from '#services/http/field_error'
import { findByRouteId } from '#services/http/route_ids'

/** A session's status as a resource: the studio posts the next one (confirm, check in, start, complete, cancel, no-show). */
export default class SessionStatusesController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(PhotoSessionPolicy).authorize('manage')
    const session = await findByRouteId(PhotoSession, ctx.params.session_id)
    const { to, note } = await ctx.request.validateUsing(sessionStatusValidator)
    const result = await ChangeSessionStatus.handle(ctx.actor, session, to, note)
    if (!result.ok && result.reason === 'reason_required') throw fieldError('note', 'Say why the session is cancelled')
    if (result.ok) ctx.session.flash('success', `${session.sessionNumber}: ${SESSION_MOVE_LABELS[to].toLowerCase()} done.`)
    else ctx.session.flash('error', `${session.sessionNumber} cannot go from ${session.status.replace('_', ' ')} to ${to.replace('_', ' ')}.`)
    return ctx.response.redirect().status(303).toRoute('admin.sessions.show', { id: session.id })
  }
}
