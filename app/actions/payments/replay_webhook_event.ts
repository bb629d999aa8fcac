import type WebhookEvent from '#models/webhook_event'
import ProcessStripeEvent from '#actions/payments/process_stripe_event'
import ProcessPaypalEvent from '#actions/payments/process_paypal_event'
import RecordAudit from '#actions/audit/record_audit'
import { stripeGateway } from '#services/payments/gateway'
import type { Actor } from '#support/actor'

export type ReplayWebhookEventResult =
  | { ok: true; event: WebhookEvent }
  | { ok: false; reason: 'already_handled' | 'gateway_unavailable' | 'unknown_provider' }

/**
 * Runs a stored event through its provider's handling again, as a redelivery would. Only an
 * event still to be handled (received or failed) is replayed: a processed or ignored one
 * changes nothing, and the handling's own compare-and-set keeps a double click to one.
 */
export default class ReplayWebhookEvent {
  static async handle(actor: Actor, event: WebhookEvent): Promise<ReplayWebhookEventResult> {
    if (event.status === 'processed' || event.status === 'ignored') return { ok: false, reason: 'already_handled' }
    const before = event.status
    if (event.provider === 'stripe') {
      const gateway = stripeGateway()
      if (!gateway) return { ok: false, reason: 'gateway_unavailable' }
      await ProcessStripeEvent.handle(event, gateway)
    } else if (event.provider === 'paypal') {
      await ProcessPaypalEvent.handle(event)
    } else {
      return { ok: false, reason: 'unknown_provider' }
    }
    await RecordAudit.handle(actor, {
      action: 'webhook_event.replayed',
      subject: { type: 'webhook_event', id: event.id },
      details: { provider: event.provider, type: event.type, from: before, to: event.status },
    })
    return { ok: true, event }
  }
}
