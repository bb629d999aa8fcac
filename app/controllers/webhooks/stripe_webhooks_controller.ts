import type { HttpContext } from '@adonisjs/core/http'
import ReceiveStripeEvent from '#actions/payments/receive_stripe_event'
import { stripeGateway } from '#services/payments/gateway'

/**
 * Stripe's webhook. The signature is checked on the raw body before anything is stored:
 * a missing or wrong one is 400 and leaves no trace. A failed handling answers 500 so
 * Stripe delivers the event again (the admin log can replay it too).
 */
export default class StripeWebhooksController {
  async store({ request, response }: HttpContext) {
    const stripe = stripeGateway()
    const signature = request.header('stripe-signature')
    const raw = request.raw()
    if (!stripe?.config.webhookSecret || !signature || !raw) return response.badRequest({ error: 'missing signature' })
    let event
    try {
      event = stripe.parseWebhook(raw, signature)
    } catch {
      return response.badRequest({ error: 'invalid signature' })
    }
    const row = await ReceiveStripeEvent.handle(event, stripe)
    if (row.status === 'failed') return response.internalServerError({ error: row.error })
    return response.ok({ received: true, status: row.status })
  }
}
