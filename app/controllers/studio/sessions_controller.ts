import type { HttpContext } from '@adonisjs/core/http'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'
import User from '#models/user'
import PhotoSessionPolicy from '#policies/photo_session_policy'
import { sessionNotesValidator } from '#validators/photo_session'
import LoadFamilySession from '#actions/booking/load_family_session'
import UpdateSessionNotes from '#actions/sessions/update_session_notes'
import CountUpcomingSessions from '#actions/sessions/count_upcoming_sessions'
import { canTransitionSession, SESSION_MOVE_LABELS } from '#actions/sessions/session_moves'
import { findByRouteId } from '#services/http/route_ids'

/** The studio's list of sessions and each session's page: family, children, money, history, notes, status. */
export default class SessionsController {
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.with(PhotoSessionPolicy).authorize('manage')
    const status = typeof request.qs().status === 'string' ? request.qs().status : 'upcoming'
    const page = Math.max(1, Number(request.qs().page) || 1)
    const sessions = await PhotoSession.query()
      .if(status === 'upcoming', (q) => q.withScopes((s) => s.upcoming()))
      .if(status !== 'upcoming' && status !== 'all', (q) => q.where('status', status).orderBy('starts_at', 'desc'))
      .if(status === 'all', (q) => q.orderBy('starts_at', 'desc'))
      .preload('package')
      .preload('user')
      .preload('photographer')
      .paginate(page, 30)
    sessions.baseUrl(request.url()).queryString({ status })
    const studio = await StudioSetting.current()
    return view.render('pages/studio/sessions/index', { sessions, status, studio, ahead: await CountUpcomingSessions.handle(studio.timezone) })
  }

  async show({ bouncer, params, view }: HttpContext) {
    await bouncer.with(PhotoSessionPolicy).authorize('manage')
    const { session, plan } = await LoadFamilySession.handle(params.id, null)
    const studio = await StudioSetting.current()
    const moves = Object.entries(SESSION_MOVE_LABELS)
      .filter(([to]) => canTransitionSession(session.status, to as keyof typeof SESSION_MOVE_LABELS))
      .map(([to, label]) => ({ to, label }))
    const photographers = await User.query().where('role', 'photographer').whereNull('deactivated_at').orderBy('first_name')
    return view.render('pages/studio/sessions/show', { session, plan, studio, moves, photographers })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(PhotoSessionPolicy).authorize('manage')
    const session = await findByRouteId(PhotoSession, ctx.params.id)
    await UpdateSessionNotes.handle(ctx.actor, session, await ctx.request.validateUsing(sessionNotesValidator))
    ctx.session.flash('success', 'The notes are saved.')
    return ctx.response.redirect().status(303).toRoute('admin.sessions.show', { id: session.id })
  }
}
