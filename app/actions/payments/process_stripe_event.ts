import type WebhookEvent from '#models/webhook_event'
import Payment from '#models/payment'
import SettleCardPayment from '#actions/payments/settle_card_payment'
import SavePlanCard from '#actions/billing/save_plan_card'
import { recordRefunds } from '#actions/payments/record_provider_refund'
import { recordInstallmentPaid } from '#actions/billing/record_installment_charge'
import type { StripeGateway } from '#services/payments/stripe_gateway'
import { actors } from '#support/actor'

const actor = actors.system('webhook:stripe')

/**
 * Handles a stored Stripe event (on arrival, or replayed from the admin log). Events come
 * at least once and in any order: a `payment_intent.succeeded` may come before its
 * `checkout.session.completed`; either settles the payment, the other finds it settled.
 * `charge.refunded` records refunds made in the dashboard (RecordProviderRefund).
 * An error marks the event failed (Stripe retries it; the log can replay it).
 */
export default class ProcessStripeEvent {
  static async handle(row: WebhookEvent, gateway: StripeGateway) {
    try {
      const handled = await handle(row.type, (row.payload as any).data?.object ?? {}, gateway)
      await (handled ? row.markProcessed() : row.markIgnored())
    } catch (error) {
      await row.markFailed(error instanceof Error ? error.message : String(error))
    }
    return row
  }
}

async function handle(type: string, object: any, gateway: StripeGateway) {
  switch (type) {
    case 'checkout.session.completed': {
      if (object.mode === 'setup' && object.setup_intent) {
        const setup = await gateway.setupIntent(object.setup_intent)
        if (!object.metadata?.payment_plan_id || !setup.paymentMethodId || !setup.customerId) return false
        await SavePlanCard.handle(actor, object.metadata.payment_plan_id, { customerId: setup.customerId, paymentMethodId: setup.paymentMethodId })
        return true
      }
      if (object.payment_status !== 'paid' || !object.payment_intent || !object.metadata?.payment_id) return false
      const intent = await gateway.paymentIntent(object.payment_intent)
      return settle(object.metadata.payment_id, intent)
    }
    case 'payment_intent.succeeded': {
      const paymentId = object.metadata?.payment_id
      if (!paymentId) return false
      return settle(paymentId, {
        id: object.id,
        chargeId: typeof object.latest_charge === 'string' ? object.latest_charge : (object.latest_charge?.id ?? null),
        customerId: typeof object.customer === 'string' ? object.customer : null,
        paymentMethodId: typeof object.payment_method === 'string' ? object.payment_method : null,
      })
    }
    case 'charge.refunded': {
      const intentId = typeof object.payment_intent === 'string' ? object.payment_intent : object.payment_intent?.id
      const payment = intentId ? await Payment.query().where('provider', 'stripe').where('provider_payment_id', intentId).first() : null
      if (!payment) return false
      await recordRefunds(payment, await gateway.refundsOf(intentId))
      return true
    }
    default:
      return false
  }
}

async function settle(paymentId: string, intent: { id: string; chargeId: string | null; customerId: string | null; paymentMethodId: string | null }) {
  const payment = await Payment.find(paymentId)
  if (!payment) return false
  // A plan's installment charged by a billing run that died before recording it.
  if (payment.planInstallmentId) {
    await recordInstallmentPaid(payment.id, { providerPaymentId: intent.id, providerChargeId: intent.chargeId }, actor)
    return true
  }
  const result = await SettleCardPayment.handle(actor, payment.id, {
    paymentIntentId: intent.id,
    chargeId: intent.chargeId,
    customerId: intent.customerId,
    paymentMethodId: intent.paymentMethodId,
  })
  return result.ok
}
