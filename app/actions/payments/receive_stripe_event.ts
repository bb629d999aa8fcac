import type Stripe from 'stripe'
import ProcessStripeEvent from '#actions/payments/process_stripe_event'
import { storeWebhookEvent } from '#actions/payments/store_webhook_event'
import type { StripeGateway } from '#services/payments/stripe_gateway'

/**
 * A verified Stripe event: stored once (see storeWebhookEvent), then handled unless it was
 * already. Handling is itself idempotent, so two copies handled at once still settle one payment.
 */
export default class ReceiveStripeEvent {
  static async handle(event: Stripe.Event, gateway: StripeGateway) {
    const row = await storeWebhookEvent('stripe', { id: event.id, type: event.type, payload: event })
    if (row.status === 'processed' || row.status === 'ignored') return row
    return ProcessStripeEvent.handle(row, gateway)
  }
}
