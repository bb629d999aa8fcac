import type { PaymentGateway, PaymentRefund, PaymentStart } from '#services/payments/payment_gateway'

/**
 * Pay at the studio (cash or the card terminal at the desk): nothing happens online. The
 * pending payment waits for a studio member to mark it received (who, how, when).
 * The default when no online gateway is configured.
 */
export class OfflineGateway implements PaymentGateway {
  readonly provider = 'offline' as const
  readonly method = 'in_studio' as const

  async start(): Promise<PaymentStart> {
    return { kind: 'pay_at_studio' }
  }

  /** Money paid at the desk is handed back at the desk: the refund is recorded as done. */
  async refund(): Promise<PaymentRefund> {
    return { status: 'succeeded', providerRefundId: null }
  }
}
