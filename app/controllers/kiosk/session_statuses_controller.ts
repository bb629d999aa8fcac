import type { HttpContext } from '@adonisjs/core/http'
import PhotoSession from '#models/photo_session'
import KioskPolicy from '#policies/kiosk_policy'
import ChangeSessionStatus from '#actions/sessions/change_session_status'
import { kioskSessionStatusValidator } from '#validators/kiosk'
import { findByRouteId } from '#services/http/route_ids'
import { boardEvents } from '#services/kiosk/board_events'

/** Start → in progress → completed, from the desk. */
export default class SessionStatusesController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(KioskPolicy).authorize('checkIn')
    const session = await findByRouteId(PhotoSession, ctx.params.session_id)
    const { to } = await ctx.request.validateUsing(kioskSessionStatusValidator)
    const result = await ChangeSessionStatus.handle(ctx.actor, session, to)
    if (result.ok) await boardEvents.publish({ sessionId: session.id, status: to })
    else ctx.session.flash('error', `${session.sessionNumber} cannot move to ${to.replace('_', ' ')} now.`)
    return ctx.response.redirect().status(303).toRoute('kiosk.sessions.show', { session_id: session.id })
  }
}
