import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import PaymentPlan from '#models/payment_plan'
import User from '#models/user'
import { appUrl } from '#config/app'
import { stripeGateway } from '#services/payments/gateway'

/**
 * Saving a new card for a plan, from the signed link in the billing emails (no sign-in
 * needed): off to Stripe Checkout in setup mode; the webhook stores the card it returns.
 */
export default class PlanCardsController {
  async create({ request, response, params, session }: HttpContext) {
    if (!request.hasValidSignature('plan_card')) return response.forbidden('This link has expired: use the newest email from the studio.')
    const plan = await PaymentPlan.findOrFail(params.plan_id)
    const stripe = stripeGateway()
    if (!stripe || ['completed', 'cancelled'].includes(plan.status)) {
      session.flash('error', 'Card payments are not open for this plan: please contact the studio.')
      return response.redirect().toRoute('portal.dashboard')
    }
    const family = await User.findOrFail(plan.userId)
    const back = appUrl + router.makeUrl('portal.dashboard')
    const setup = await stripe.startCardSetup({
      customer: { id: family.id, email: family.email, name: family.fullName },
      currency: plan.currency,
      metadata: { payment_plan_id: plan.id },
      returnUrl: back,
      cancelUrl: back,
    })
    return response.redirect(setup.url)
  }
}
