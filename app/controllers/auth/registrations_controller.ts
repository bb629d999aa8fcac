import type { HttpContext } from '@adonisjs/core/http'
import { registrationValidator } from '#validators/auth'
import RegisterCustomer from '#actions/auth/register_customer'

export default class RegistrationsController {
  async create({ view }: HttpContext) {
    return view.render('pages/auth/signup')
  }

  /** Always the same answer: the email tells a new customer how to finish, an existing one that they have an account. */
  async store({ request, response, session }: HttpContext) {
    const input = await request.validateUsing(registrationValidator)
    await RegisterCustomer.handle(input)
    session.flash('signupSentTo', input.email)
    return response.redirect().status(303).toRoute('registration.create')
  }
}
