import type { HttpContext } from '@adonisjs/core/http'
import CapturePaypalPayment from '#actions/payments/capture_paypal_payment'
import { paypalGateway } from '#services/payments/gateway'
import { safeNext } from '#services/payments/paypal_return_urls'
import { actors } from '#support/actor'

/**
 * Where PayPal sends the buyer back: captures the approved order (once, however many times
 * the page is reloaded) and goes on to the flow's page.
 */
export default class PaypalReturnsController {
  async show({ request, response, session }: HttpContext) {
    const next = safeNext(request.input('next'))
    const gateway = paypalGateway()
    const token = request.input('token')
    if (!gateway || typeof token !== 'string' || !token) {
      session.flash('error', 'That PayPal return link is not valid; nothing was charged.')
      return response.redirect(next)
    }
    const result = await CapturePaypalPayment.handle(actors.system('paypal:return'), token, gateway)
    if (result.ok) session.flash('success', 'Thank you: your PayPal payment is received.')
    else session.flash('error', result.message ?? 'PayPal did not take the payment; nothing was charged.')
    return response.redirect(next)
  }

}
