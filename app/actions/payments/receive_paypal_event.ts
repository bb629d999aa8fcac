import ProcessPaypalEvent from '#actions/payments/process_paypal_event'
import { storeWebhookEvent } from '#actions/payments/store_webhook_event'

/** A verified PayPal event: stored once (see storeWebhookEvent), then handled unless it was already. */
export default class ReceivePaypalEvent {
  static async handle(event: { id: string; event_type: string }) {
    const row = await storeWebhookEvent('paypal', { id: event.id, type: event.event_type, payload: event })
    if (row.status === 'processed' || row.status === 'ignored') return row
    return ProcessPaypalEvent.handle(row)
  }
}
