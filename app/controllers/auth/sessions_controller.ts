import type { HttpContext } from '@adonisjs/core/http'
import { loginValidator } from '#validators/auth'
import AttemptLogin from '#actions/auth/attempt_login'
import { stampSession } from '#services/auth/session_epoch'
import { describeWait } from '#services/http/describe_wait'

export default class SessionsController {
  async create({ view }: HttpContext) {
    return view.render('pages/auth/login')
  }

  async store(ctx: HttpContext) {
    const { request, response, session, auth } = ctx
    const { email, password, remember } = await request.validateUsing(loginValidator)
    const result = await AttemptLogin.handle(email, password, request.ip())

    if (!result.ok && result.reason === 'throttled') {
      const wait = describeWait(result.retryAfterSeconds)
      response.header('Retry-After', String(result.retryAfterSeconds)).status(429)
      return ctx.view.render('pages/auth/login', {
        email,
        loginError: `Too many failed sign-in attempts. Try again in ${wait}.`,
      })
    }
    if (!result.ok) {
      session.flashExcept(['password'])
      session.flash('loginError', 'The email or password is incorrect.')
      return response.redirect().status(303).toRoute('session.create')
    }

    await auth.use('web').login(result.user, !!remember)
    session.regenerate()
    stampSession(ctx)
    const intended = session.pull('intended_url')
    return response.redirect().toPath(safeIntended(intended) ?? result.user.homeUrl())
  }

  async destroy({ auth, response, session }: HttpContext) {
    await auth.use('web').logout()
    session.flash('success', 'You are signed out.')
    return response.redirect().toRoute('session.create')
  }
}

/** Only same-site paths, never `//host` or absolute URLs. */
function safeIntended(url: unknown) {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : null
}
