import type { HttpContext } from '@adonisjs/core/http'
import ReceivePaypalEvent from '#actions/payments/receive_paypal_event'
import { paypalGateway } from '#services/payments/gateway'

/**
 * PayPal's webhook, verified through PayPal (verify-webhook-signature) before anything is
 * stored: missing or bad transmission headers are 400 and leave no trace. A failed handling
 * answers 500 so PayPal delivers it again.
 */
export default class PaypalWebhooksController {
  async store({ request, response }: HttpContext) {
    const paypal = paypalGateway()
    const raw = request.raw()
    if (!paypal || !raw) return response.badRequest({ error: 'missing signature' })
    if (!(await paypal.verifyWebhook(request.headers() as Record<string, string | undefined>, raw))) {
      return response.badRequest({ error: 'invalid signature' })
    }
    const event = JSON.parse(raw)
    if (typeof event?.id !== 'string' || typeof event?.event_type !== 'string') return response.badRequest({ error: 'not an event' })
    const row = await ReceivePaypalEvent.handle(event)
    if (row.status === 'failed') return response.internalServerError({ error: row.error })
    return response.ok({ received: true, status: row.status })
  }
}
