import type Payment from '#models/payment'
import { paymentGateway } from '#services/payments/gateway'
import type { PaymentStart, PaymentStartRequest } from '#services/payments/payment_gateway'
import { PaypalGateway } from '#services/payments/paypal_gateway'
import { paypalReturnUrls } from '#services/payments/paypal_return_urls'

/**
 * Asks the configured gateway to collect a pending payment (written beforehand with its
 * idempotency key, in the transaction of whatever it pays for). Runs after that commit:
 * a provider's HTTP call never holds a database transaction open.
 */
export default class StartPayment {
  static async handle(payment: Payment, request: Omit<PaymentStartRequest, 'payment'>): Promise<PaymentStart> {
    const gateway = paymentGateway()
    // PayPal comes back to Loupe's capture route first, which then goes on to the flow's page.
    const urls = gateway instanceof PaypalGateway ? paypalReturnUrls(request.returnUrl, request.cancelUrl) : {}
    const start = await gateway.start({ ...request, ...urls, payment })
    if (start.kind === 'redirect' && payment.providerPaymentId !== start.providerPaymentId) {
      payment.providerPaymentId = start.providerPaymentId
      await payment.save()
    }
    return start
  }
}
