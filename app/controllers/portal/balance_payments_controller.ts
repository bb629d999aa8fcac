import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import LoadFamilySession from '#actions/booking/load_family_session'
import StartBalancePayment from '#actions/payments/start_balance_payment'
import PhotoSessionPolicy from '#policies/photo_session_policy'
import { balancePaymentValidator } from '#validators/payment'

const REFUSALS = {
  nothing_due: (number: string) => ({ kind: 'success', text: `Nothing is left to pay for ${number}.` }),
  charge_in_progress: () => ({ kind: 'error', text: 'An instalment of this plan is being charged right now. Look again in a few minutes before paying the rest.' }),
} as const

/** "Pay the balance early" from the payments page: Stripe Checkout, or pay at the studio. */
export default class BalancePaymentsController {
  async store({ auth, bouncer, params, request, response, session: flash, view }: HttpContext) {
    const { session } = await LoadFamilySession.handle(params.session_id, auth.user!.id)
    await bouncer.with(PhotoSessionPolicy).authorize('view', session)
    const { idempotencyKey } = await request.validateUsing(balancePaymentValidator)
    const returnUrl = appUrl + router.makeUrl('portal.payments.index')
    const result = await StartBalancePayment.handle(session, { idempotencyKey, returnUrl })
    if (!result.ok) {
      const refusal = REFUSALS[result.reason](session.sessionNumber)
      flash.flash(refusal.kind, refusal.text)
      return response.redirect().status(303).toRoute('portal.payments.index')
    }
    if (result.start.kind === 'redirect') return response.redirect().status(303).toPath(result.start.url)
    return view.render('pages/portal/payments/pay_at_studio', { session, payment: result.payment })
  }
}
