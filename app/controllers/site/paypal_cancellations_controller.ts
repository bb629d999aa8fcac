import type { HttpContext } from '@adonisjs/core/http'
import { safeNext } from '#services/payments/paypal_return_urls'

/** Where PayPal sends a buyer who cancelled on its page: back to the flow, nothing charged. */
export default class PaypalCancellationsController {
  async show({ request, response, session }: HttpContext) {
    session.flash('error', 'You cancelled the PayPal payment; nothing was charged. You can pay again whenever you like.')
    return response.redirect(safeNext(request.input('next')))
  }
}
