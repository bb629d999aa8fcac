import type { HttpContext } from '@adonisjs/core/http'
import { randomUUID } from 'node:crypto'
import Payment from '#models/payment'
import StudioSetting from '#models/studio_setting'
import PaymentPlanPolicy from '#policies/payment_plan_policy'
import LoadFamilyPayments from '#actions/payments/load_family_payments'
import { paymentGateway } from '#services/payments/gateway'
import { isUuid, notFound } from '#services/http/route_ids'

/** The family's payments page (plans, instalments, receipts) and one payment's receipt. */
export default class PaymentsController {
  async index({ auth, bouncer, view }: HttpContext) {
    const { plans, payments, byId } = await LoadFamilyPayments.handle(auth.user!.id)
    for (const plan of plans) await bouncer.with(PaymentPlanPolicy).authorize('view', plan)
    return view.render('pages/portal/payments/index', { plans, payments, byId, offline: paymentGateway().provider === 'offline', savesCards: Boolean(paymentGateway().chargeSavedCard), paymentKey: randomUUID() })
  }

  async show({ auth, bouncer, params, view }: HttpContext) {
    const payment = isUuid(params.id) ? await auth.user!.related('payments').query().where('id', params.id).preload('invoice').preload('photoSession').preload('planInstallment').first() : null
    if (!payment || (await bouncer.with(PaymentPlanPolicy).denies('viewReceipt', payment))) notFound(Payment)
    return view.render('pages/portal/payments/show', { payment, family: auth.user!, studio: await StudioSetting.current() })
  }
}
