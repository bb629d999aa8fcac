import type { HttpContext } from '@adonisjs/core/http'
import { registrationValidator } from '#validators/auth'
import RegisterCustomer from '#actions/auth/register_customer'
import { stampSession } from '#services/auth/session_epoch'

export default class RegistrationsController {
  async create({ view }: HttpContext) {
    return view.render('pages/auth/signup')
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(registrationValidator)
    const user = await RegisterCustomer.handle(input)
    await ctx.auth.use('web').login(user)
    stampSession(ctx)
    ctx.session.flash('success', `Welcome, ${user.firstName}! We sent a link to ${user.email} to confirm your address.`)
    return ctx.response.redirect().toRoute('portal.dashboard')
  }
}
