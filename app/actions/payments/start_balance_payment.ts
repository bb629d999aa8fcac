import type PhotoSession from '#models/photo_session'
import Payment from '#models/payment'
import User from '#models/user'
import PlanInstallment from '#models/plan_installment'
import StartPayment from '#actions/payments/start_payment'
import { paymentGateway } from '#services/payments/gateway'
import type { PaymentStart } from '#services/payments/payment_gateway'

export type BalancePaymentResult = { ok: true; start: PaymentStart; payment: Payment } | { ok: false; reason: 'nothing_due' | 'charge_in_progress' }

/**
 * The family pays the session's balance from a pay-by-link: a pending balance payment
 * under the page's idempotency key (a double click finds it), then the gateway starts it.
 */
export default class StartBalancePayment {
  static async handle(session: PhotoSession, input: { idempotencyKey: string; returnUrl: string }): Promise<BalancePaymentResult> {
    const key = `paylink:${input.idempotencyKey}`
    let payment = await Payment.findBy('idempotency_key', key)
    if (!payment) {
      if (session.balanceDue <= 0) return { ok: false, reason: 'nothing_due' }
      // A billing run is charging one of the plan's instalments right now: paying the whole
      // balance on top of it would take that instalment twice.
      const charging = await PlanInstallment.query()
        .where('status', 'processing')
        .whereHas('paymentPlan', (plan) => plan.where('photo_session_id', session.id))
        .first()
      if (charging) return { ok: false, reason: 'charge_in_progress' }
      const gateway = paymentGateway()
      payment = await Payment.createOnce({
        userId: session.userId,
        photoSessionId: session.id,
        amount: session.balanceDue,
        currency: session.currency,
        paymentType: 'balance',
        method: gateway.method,
        provider: gateway.provider as Payment['provider'],
        idempotencyKey: key,
        status: 'pending',
        refundAmount: 0,
      })
    }
    const family = await User.findOrFail(session.userId)
    const start = await StartPayment.handle(payment, {
      customer: { id: family.id, email: family.email, name: family.fullName },
      description: `Balance for ${session.sessionNumber}`,
      returnUrl: input.returnUrl,
      cancelUrl: input.returnUrl,
    })
    return { ok: true, start, payment }
  }
}
