import type { HttpContext } from '@adonisjs/core/http'
import { randomUUID } from 'node:crypto'
import Payment, { PAYMENT_PROVIDERS, PAYMENT_STATUSES, PAYMENT_TYPES } from '#models/payment'
import Refund from '#models/refund'
import StatusChange from '#models/status_change'
import StudioSetting from '#models/studio_setting'
import PaymentPolicy from '#policies/payment_policy'
import { paymentsMatching } from '#actions/payments/search_payments'
import PaymentsOverview from '#actions/payments/payments_overview'
import { paymentSearchValidator } from '#validators/invoice'
import { findByRouteId } from '#services/http/route_ids'

/** Admin → Payments: the overview panels with the filtered list, and one payment with its refund form. */
export default class PaymentsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(PaymentPolicy).authorize('view')
    const { page, ...filters } = await paymentSearchValidator.validate(ctx.request.qs())
    const payments = await paymentsMatching(filters).preload('user').paginate(page ?? 1, 50)
    payments.baseUrl(ctx.request.url())
    payments.queryString(ctx.request.qs())
    const settings = await StudioSetting.current()
    const overview = await PaymentsOverview.handle(settings)
    return ctx.view.render('pages/admin/payments/index', {
      payments,
      overview,
      filters: ctx.request.qs(),
      statuses: PAYMENT_STATUSES,
      providers: PAYMENT_PROVIDERS,
      types: PAYMENT_TYPES,
    })
  }

  async show(ctx: HttpContext) {
    await ctx.bouncer.with(PaymentPolicy).authorize('view')
    const payment = await findByRouteId(Payment, ctx.params.id)
    await payment.load('user')
    const invoice = payment.invoiceId ? await payment.related('invoice').query().first() : null
    const refunds = await Refund.query().where('payment_id', payment.id).preload('actor').orderBy('created_at')
    const history = await StatusChange.query().where('subject_type', 'Payment').where('subject_id', payment.id).orderBy('created_at')
    return ctx.view.render('pages/admin/payments/show', { payment, invoice, refunds, history, refundKey: randomUUID() })
  }
}
