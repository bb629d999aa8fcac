import db from '@adonisjs/lucid/services/db'
import type Payment from '#models/payment'
import Refund from '#models/refund'
import { announceRefund, applyRefund } from '#actions/payments/apply_refund'
import type { ProviderRefund } from '#services/payments/payment_gateway'
import { actors, type Actor } from '#support/actor'

const webhookActor = (provider: string) => actors.system(`webhook:${provider}`)

const DASHBOARDS: Record<string, string> = { stripe: 'Stripe', paypal: 'PayPal' }

export type RecordProviderRefundResult =
  | { ok: true; refund: Refund }
  | { ok: false; reason: 'already_recorded' | 'asked_by_loupe' | 'not_given_back' | 'more_than_refundable' }

/**
 * Records a refund the gateway made without Loupe asking (someone refunded in the Stripe or
 * PayPal dashboard), so the payment, the invoice and the family's portal tell the truth. A
 * refund Loupe asked for is left to RefundPayment, which wrote its row under `loupeKey` before
 * asking. The row's unique key (`<provider>:<refund id>`) makes repeated and concurrent
 * deliveries record it once.
 */
export default class RecordProviderRefund {
  static async handle(actor: Actor, payment: Payment, input: ProviderRefund): Promise<RecordProviderRefundResult> {
    if (input.status === 'failed') return { ok: false, reason: 'not_given_back' }
    const key = `${payment.provider}:${input.providerRefundId}`
    const known = await Refund.query()
      .where('idempotency_key', key)
      .orWhere((query) => {
        query.where('payment_id', payment.id).where('provider_refund_id', input.providerRefundId)
      })
      .if(input.loupeKey, (query) => query.orWhere('idempotency_key', input.loupeKey!))
      .first()
    if (known) return { ok: false, reason: known.idempotencyKey === input.loupeKey ? 'asked_by_loupe' : 'already_recorded' }

    const why = input.providerReason ? ` (${input.providerReason.replaceAll('_', ' ')})` : ''
    const reason = `Refunded in the ${DASHBOARDS[payment.provider] ?? payment.provider} dashboard${why}`
    let refund: Refund
    try {
      refund = await db.transaction(async (trx) => {
        const row = await Refund.create(
          { paymentId: payment.id, invoiceId: payment.invoiceId, amount: input.amount, currency: payment.currency, reason, idempotencyKey: key, status: input.status, providerRefundId: input.providerRefundId, actorId: null },
          { client: trx }
        )
        const fresh = await applyRefund(trx, payment.id, input.amount, reason, actor)
        if (!fresh) throw new NothingLeftToRefund()
        payment.merge({ status: fresh.status, refundAmount: fresh.refundAmount, refundReason: fresh.refundReason })
        return row
      })
    } catch (error) {
      if (error instanceof NothingLeftToRefund) return { ok: false, reason: 'more_than_refundable' }
      // The same refund delivered twice at once: the other delivery recorded it.
      if (await Refund.findBy('idempotency_key', key)) return { ok: false, reason: 'already_recorded' }
      throw error
    }
    await announceRefund(actor, payment, refund)
    return { ok: true, refund }
  }
}

/** Rolls the refund row back when the payment has less left than the provider gave back. */
class NothingLeftToRefund extends Error {}

/**
 * Records each refund a webhook reports. One the payment has no room for means Loupe and the
 * provider disagree: it throws, so the event is kept as failed in the webhook log.
 */
export async function recordRefunds(payment: Payment, refunds: ProviderRefund[]) {
  for (const refund of refunds) {
    const result = await RecordProviderRefund.handle(webhookActor(payment.provider), payment, refund)
    if (!result.ok && result.reason === 'more_than_refundable') {
      throw new Error(`Refund ${refund.providerRefundId} (${refund.amount}) is more than payment ${payment.id} has left to refund (${payment.refundable})`)
    }
  }
}
