import type { HttpContext } from '@adonisjs/core/http'
import { forgotPasswordValidator, resetPasswordValidator } from '#validators/auth'
import RequestPasswordReset from '#actions/auth/request_password_reset'
import ResetPassword from '#actions/auth/reset_password'
import { findUsableToken } from '#services/auth/user_tokens'

export default class PasswordResetsController {
  async create({ view }: HttpContext) {
    return view.render('pages/auth/forgot_password')
  }

  async store({ request, response, session }: HttpContext) {
    const { email } = await request.validateUsing(forgotPasswordValidator)
    await RequestPasswordReset.handle(email)
    session.flash('success', `If ${email} has an account, a link to reset the password is on its way. It works for one hour.`)
    return response.redirect().status(303).toRoute('password_reset.create')
  }

  async edit({ params, view, response }: HttpContext) {
    const token = await findUsableToken(params.token, 'password_reset')
    if (!token) response.status(410)
    return view.render('pages/auth/reset_password', { token: params.token, valid: !!token })
  }

  async update({ params, request, response, session }: HttpContext) {
    const { password } = await request.validateUsing(resetPasswordValidator)
    const result = await ResetPassword.handle(params.token, password)
    if (!result.ok) {
      session.flash('error', 'This reset link has expired or was already used. Ask for a new one.')
      return response.redirect().toRoute('password_reset.create')
    }
    session.flash('success', 'Your password is changed. Sign in with the new one.')
    return response.redirect().toRoute('session.create')
  }
}
