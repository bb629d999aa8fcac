import Payment from '#models/payment'
import SettleCardPayment from '#actions/payments/settle_card_payment'
import type { PaypalGateway } from '#services/payments/paypal_gateway'
import type { Actor } from '#support/actor'

export type CapturePaypalResult =
  | { ok: true; settled: boolean }
  | { ok: false; reason: 'unknown_payment' | 'capture_failed'; message?: string }

/**
 * The family came back from PayPal's approve page: capture the order and settle the payment
 * through the same path as Stripe's success (invoice, receipt, status). The PayPal-Request-Id
 * is keyed by the payment, so a reload or a double return captures once at PayPal, and the
 * settle's compare-and-set records it once here.
 */
export default class CapturePaypalPayment {
  static async handle(actor: Actor, orderId: string, gateway: PaypalGateway): Promise<CapturePaypalResult> {
    const payment = await Payment.query().where('provider', 'paypal').where('providerPaymentId', orderId).first()
    if (!payment) return { ok: false, reason: 'unknown_payment' }
    if (payment.status !== 'pending') return { ok: true, settled: false }
    const capture = await gateway.capture(orderId, `${payment.idempotencyKey}:capture`)
    if (capture.status !== 'succeeded') return { ok: false, reason: 'capture_failed', message: capture.failureReason }
    const result = await SettleCardPayment.handle(actor, payment.id, {
      paymentIntentId: orderId,
      chargeId: capture.captureId,
      customerId: null,
      paymentMethodId: null,
    })
    return result.ok ? { ok: true, settled: result.settled } : result
  }
}
