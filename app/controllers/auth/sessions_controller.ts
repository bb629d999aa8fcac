import type { HttpContext } from '@adonisjs/core/http'
import { loginValidator } from '#validators/auth'
import AttemptLogin, { type AttemptLoginResult } from '#actions/auth/attempt_login'
import SignOut from '#actions/auth/sign_out'
import { stampSession } from '#services/auth/session_epoch'
import { describeWait } from '#services/http/describe_wait'
import { forgetGalleryAccess } from '#controllers/site/gallery_access'
import { homeUrl } from '#controllers/auth/home_route'
import { pullIntendedUrl } from '#controllers/auth/intended_url'

export default class SessionsController {
  async create({ view }: HttpContext) {
    return view.render('pages/auth/login')
  }

  async store(ctx: HttpContext) {
    const { email, password, remember } = await ctx.request.validateUsing(loginValidator)
    const result = await AttemptLogin.handle(email, password, ctx.request.ip())
    if (!result.ok) return refuse(ctx, email, result)

    await ctx.auth.use('web').login(result.user, !!remember)
    ctx.session.regenerate()
    stampSession(ctx)
    return ctx.response.redirect().toPath(pullIntendedUrl(ctx) ?? homeUrl(result.user))
  }

  /** Signs the account out everywhere: a copy of this session's cookie is worthless too. */
  async destroy(ctx: HttpContext) {
    const { auth, response, session } = ctx
    await forgetGalleryAccess(ctx)
    await SignOut.handle(auth.user!)
    await auth.use('web').logout()
    session.clear()
    session.regenerate()
    session.flash('success', 'You are signed out.')
    return response.redirect().toRoute('session.create')
  }
}

/** Wrong password: back to the form. Too fast: when to retry (429). Under attack: the emailed-link offer. */
function refuse(ctx: HttpContext, email: string, result: Exclude<AttemptLoginResult, { ok: true }>) {
  switch (result.reason) {
    case 'invalid_credentials':
      ctx.session.flashExcept(['password'])
      ctx.session.flash('loginError', 'The email or password is incorrect.')
      return ctx.response.redirect().status(303).toRoute('session.create')
    case 'throttled':
      ctx.response.header('Retry-After', String(result.retryAfterSeconds)).status(429)
      return ctx.view.render('pages/auth/login', {
        email,
        loginError: `Too many failed sign-in attempts. Try again in ${describeWait(result.retryAfterSeconds)}.`,
      })
    case 'proof_required':
      ctx.response.status(429)
      return ctx.view.render('pages/auth/login', { email, proofRequired: true })
  }
}
