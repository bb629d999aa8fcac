import type { HttpContext } from '@adonisjs/core/http'
import StudioSetting from '#models/studio_setting'
import { cancellationValidator } from '#validators/photo_session'
import CancelSession from '#actions/booking/cancel_session'
import { familySession, outsideWindow } from '#controllers/portal/session_reschedules_controller'

/** The family cancels its session inside the cancellation window (why is asked and kept). */
export default class SessionCancellationsController {
  async create(ctx: HttpContext) {
    const session = await familySession(ctx)
    const studio = await StudioSetting.current()
    if (!studio.canCancelFreely(session.startsAt)) return outsideWindow(ctx, session, studio)
    await session.load('package')
    return ctx.view.render('pages/portal/session_cancellations/create', { session, studio })
  }

  async store(ctx: HttpContext) {
    const session = await familySession(ctx)
    const { reason } = await ctx.request.validateUsing(cancellationValidator)
    const result = await CancelSession.handle(ctx.actor, session, reason)
    if (!result.ok && result.reason === 'outside_window') return outsideWindow(ctx, session, await StudioSetting.current())
    if (!result.ok) ctx.session.flash('error', 'This session cannot be cancelled any more.')
    else ctx.session.flash('success', `Session ${session.sessionNumber} is cancelled. The time is free for someone else.`)
    return ctx.response.redirect().status(303).toRoute('portal.sessions.show', { id: session.id })
  }
}
