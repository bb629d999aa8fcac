import type Payment from '#models/payment'
import type { PaymentGateway } from '#services/payments/payment_gateway'
import { paymentGateway, paypalFromEnv, stripeFromEnv } from '#services/payments/gateway'
import { OfflineGateway } from '#services/payments/offline_gateway'

/**
 * The gateway that took a payment, for refunds: money goes back the way it came, whatever
 * PAYMENT_GATEWAY says today. Null when that provider is not configured any more.
 */
export function gatewayFor(payment: Payment): PaymentGateway | null {
  const configured = paymentGateway()
  if (configured.provider === payment.provider) return configured
  if (payment.provider === 'offline') return new OfflineGateway()
  if (payment.provider === 'paypal') return paypalFromEnv()
  if (payment.provider === 'stripe') return stripeFromEnv()
  return null
}
