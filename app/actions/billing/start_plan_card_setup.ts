import PaymentPlan from '#models/payment_plan'
import User from '#models/user'
import { stripeGateway } from '#services/payments/gateway'

export type PlanCardSetupResult = { ok: true; url: string } | { ok: false; reason: 'no_card_payments' }

/**
 * Saving a new card for a plan: Stripe Checkout in setup mode. The webhook's
 * `checkout.session.completed` stores the card it returns (SavePlanCard).
 */
export default class StartPlanCardSetup {
  static async handle(plan: PaymentPlan, input: { returnUrl: string }): Promise<PlanCardSetupResult> {
    const stripe = stripeGateway()
    if (!stripe || ['completed', 'cancelled'].includes(plan.status)) return { ok: false, reason: 'no_card_payments' }
    const family = await User.findOrFail(plan.userId)
    const setup = await stripe.startCardSetup({
      customer: { id: family.id, email: family.email, name: family.fullName },
      currency: plan.currency,
      metadata: { payment_plan_id: plan.id },
      returnUrl: input.returnUrl,
      cancelUrl: input.returnUrl,
    })
    return { ok: true, url: setup.url }
  }
}
