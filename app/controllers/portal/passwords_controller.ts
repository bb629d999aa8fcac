import type { HttpContext } from '@adonisjs/core/http'
import { changePasswordValidator } from '#validators/user'
import ChangePassword from '#actions/users/change_password'
import { fieldError } from '#services/http/field_error'
import { stampSession } from '#services/auth/session_epoch'

export default class PasswordsController {
  async edit({ view }: HttpContext) {
    return view.render('pages/portal/password/edit')
  }

  async update(ctx: HttpContext) {
    const { auth, request, response, session } = ctx
    const { currentPassword, password } = await request.validateUsing(changePasswordValidator)
    const result = await ChangePassword.handle(auth.user!, currentPassword, password)
    if (!result.ok) {
      throw fieldError('currentPassword', 'Your current password is not correct')
    }
    session.regenerate()
    stampSession(ctx)
    session.flash('success', 'Your password is changed. You were signed out everywhere else.')
    return response.redirect().toRoute('portal.password.edit')
  }
}
