import type WebhookEvent from '#models/webhook_event'
import Payment from '#models/payment'
import { recordRefunds } from '#actions/payments/record_provider_refund'
import SettleCardPayment from '#actions/payments/settle_card_payment'
import { actors } from '#support/actor'

const actor = actors.system('webhook:paypal')

/**
 * Handles a stored PayPal event. PAYMENT.CAPTURE.COMPLETED settles the payment when the
 * buyer's return did not (closed tab); SettleCardPayment's compare-and-set makes a late or
 * repeated event a no-op. PAYMENT.CAPTURE.REFUNDED records a refund made in the dashboard.
 * Other types are ignored. An error marks the event failed.
 */
export default class ProcessPaypalEvent {
  static async handle(row: WebhookEvent) {
    try {
      const handled = await handle(row.type, (row.payload as any).resource ?? {})
      await (handled ? row.markProcessed() : row.markIgnored())
    } catch (error) {
      await row.markFailed(error instanceof Error ? error.message : String(error))
    }
    return row
  }
}

async function handle(type: string, resource: any) {
  if (type === 'PAYMENT.CAPTURE.REFUNDED') return refunded(resource)
  if (type !== 'PAYMENT.CAPTURE.COMPLETED' || resource.status !== 'COMPLETED' || !resource.custom_id) return false
  const orderId = resource.supplementary_data?.related_ids?.order_id
  const result = await SettleCardPayment.handle(actor, resource.custom_id, {
    paymentIntentId: orderId,
    chargeId: resource.id ?? null,
    customerId: null,
    paymentMethodId: null,
  })
  return result.ok
}

/** A refund's resource names its capture only in its `up` link. */
async function refunded(resource: any) {
  const up = (resource.links ?? []).find((link: any) => link.rel === 'up')?.href ?? ''
  const captureId = decodeURIComponent(up.match(/\/captures\/([^/?]+)/)?.[1] ?? '')
  const payment = captureId ? await Payment.query().where('provider', 'paypal').where('provider_charge_id', captureId).first() : null
  if (!payment || !resource.id) return false
  await recordRefunds(payment, [
    {
      providerRefundId: resource.id,
      amount: Math.round(Number(resource.amount?.value ?? 0) * 100),
      status: resource.status === 'COMPLETED' ? 'succeeded' : resource.status === 'PENDING' ? 'pending' : 'failed',
      loupeKey: resource.custom_id ?? null,
      providerReason: null,
    },
  ])
  return true
}
