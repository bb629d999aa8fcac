import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import PaymentPlan from '#models/payment_plan'
import PaymentPlanPolicy from '#policies/payment_plan_policy'
import StartPlanCardSetup from '#actions/billing/start_plan_card_setup'
import { isUuid, notFound } from '#services/http/route_ids'

/** "Update card" on the payments page: Stripe Checkout in setup mode for one of the family's plans. */
export default class PlanCardsController {
  async store({ auth, bouncer, params, response, session }: HttpContext) {
    const plan = isUuid(params.plan_id) ? await auth.user!.related('paymentPlans').query().where('id', params.plan_id).first() : null
    if (!plan || (await bouncer.with(PaymentPlanPolicy).denies('view', plan))) notFound(PaymentPlan)
    await bouncer.with(PaymentPlanPolicy).authorize('updateCard', plan)
    const result = await StartPlanCardSetup.handle(plan, { returnUrl: appUrl + router.makeUrl('portal.payments.index') })
    if (!result.ok) {
      session.flash('error', 'Cards are not taken online right now: please pay at the studio or call us.')
      return response.redirect().status(303).toRoute('portal.payments.index')
    }
    return response.redirect().status(303).toPath(result.url)
  }
}
