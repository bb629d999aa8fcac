import type { HttpContext } from '@adonisjs/core/http'
import VerifyEmail from '#actions/auth/verify_email'
import SendEmailVerification from '#actions/auth/send_email_verification'

export default class EmailVerificationsController {
  async show({ params, view, response }: HttpContext) {
    const result = await VerifyEmail.handle(params.token)
    if (!result.ok) response.status(410)
    return view.render('pages/auth/email_verified', { ok: result.ok })
  }

  /** Sends a fresh verification link to the signed-in user. */
  async store({ auth, response, session }: HttpContext) {
    await SendEmailVerification.handle(auth.user!)
    session.flash('success', `A new confirmation link is on its way to ${auth.user!.email}.`)
    return response.redirect().back()
  }
}
