import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import PaymentPlan from '#models/payment_plan'
import { appUrl } from '#config/app'
import StartPlanCardSetup from '#actions/billing/start_plan_card_setup'

/**
 * Saving a new card for a plan, from the signed link in the billing emails (no sign-in
 * needed): off to Stripe Checkout in setup mode; the webhook stores the card it returns.
 */
export default class PlanCardsController {
  async create({ request, response, params, session }: HttpContext) {
    if (!request.hasValidSignature('plan_card')) return response.forbidden('This link has expired: use the newest email from the studio.')
    const plan = await PaymentPlan.findOrFail(params.plan_id)
    const result = await StartPlanCardSetup.handle(plan, { returnUrl: appUrl + router.makeUrl('portal.payments.index') })
    if (!result.ok) {
      session.flash('error', 'Card payments are not open for this plan: please contact the studio.')
      return response.redirect().toRoute('portal.payments.index')
    }
    return response.redirect(result.url)
  }
}
