import type { HttpContext } from '@adonisjs/core/http'
import VerifyEmail from '#actions/auth/verify_email'
import SendEmailVerification from '#actions/auth/send_email_verification'
import { findUsableToken } from '#services/auth/user_tokens'
import { stampSession } from '#services/auth/session_epoch'
import { pullIntendedUrl } from '#controllers/auth/intended_url'

export default class EmailVerificationsController {
  /** The emailed link opens a page with one button: mail scanners that fetch links use up nothing. */
  async show({ params, view, response }: HttpContext) {
    const token = await findUsableToken(params.token, 'email_verification')
    if (!token) response.status(410)
    return view.render('pages/auth/email_verified', { token: params.token, valid: !!token })
  }

  /** Confirms the address and, for someone not signed in yet (a new customer), signs them in. */
  async update(ctx: HttpContext) {
    const result = await VerifyEmail.handle(ctx.params.token)
    if (!result.ok) {
      ctx.response.status(410)
      return ctx.view.render('pages/auth/email_verified', { valid: false })
    }
    if (!ctx.auth.user) {
      await ctx.auth.use('web').login(result.user)
      ctx.session.regenerate()
      stampSession(ctx)
    }
    ctx.session.flash('success', `Your email is confirmed. Welcome, ${result.user.firstName}!`)
    // A guest who signed up half-way through something (a booking) goes back to it.
    const intended = pullIntendedUrl(ctx)
    if (intended) return ctx.response.redirect().status(303).toPath(intended)
    return ctx.response.redirect().status(303).toRoute('portal.dashboard')
  }

  /** Sends a fresh verification link to the signed-in user. */
  async store({ auth, response, session }: HttpContext) {
    await SendEmailVerification.handle(auth.user!)
    session.flash('success', `A new confirmation link is on its way to ${auth.user!.email}.`)
    return response.redirect().back()
  }
}
