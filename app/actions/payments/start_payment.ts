import type Payment from '#models/payment'
import { paymentGateway } from '#services/payments/gateway'
import type { PaymentStart, PaymentStartRequest } from '#services/payments/payment_gateway'

/**
 * Asks the configured gateway to collect a pending payment (written beforehand with its
 * idempotency key, in the transaction of whatever it pays for). Runs after that commit:
 * a provider's HTTP call never holds a database transaction open.
 */
export default class StartPayment {
  static async handle(payment: Payment, request: Omit<PaymentStartRequest, 'payment'>): Promise<PaymentStart> {
    const start = await paymentGateway().start({ ...request, payment })
    if (start.kind === 'redirect' && payment.providerPaymentId !== start.providerPaymentId) {
      payment.providerPaymentId = start.providerPaymentId
      await payment.save()
    }
    return start
  }
}
