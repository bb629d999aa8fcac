import type { HttpContext } from '@adonisjs/core/http'
import Payment from '#models/payment'
import PaymentPolicy from '#policies/payment_policy'
import RefundPayment, { type RefundResult } from '#actions/payments/refund_payment'
import { refundValidator } from '#validators/invoice'
import { fieldError } from '#services/http/field_error'
import { findByRouteId } from '#services/http/route_ids'
import { formatMoney } from '#services/money/format_money'

function refusal(result: Exclude<RefundResult, { ok: true }>, payment: Payment) {
  switch (result.reason) {
    case 'not_refundable':
      return 'Nothing is left to refund on this payment.'
    case 'more_than_refundable':
      return `At most ${formatMoney(payment.refundable, payment.currency)} can be refunded.`
    case 'gateway_unavailable':
      return `The ${payment.provider} gateway is not configured here, so this payment can't be refunded.`
    case 'in_progress':
      return 'This refund is already being processed.'
    case 'declined':
      return `The gateway refused the refund: ${result.message}`
  }
}

/** A refund, full or partial, with a reason, through the payment's own gateway. */
export default class PaymentRefundsController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(PaymentPolicy).authorize('refund')
    const payment = await findByRouteId(Payment, ctx.params.payment_id)
    const { amount, reason, idempotencyKey } = await ctx.request.validateUsing(refundValidator)
    const result = await RefundPayment.handle(ctx.actor, payment, { amount: Math.round(amount * 100), reason, idempotencyKey })
    if (!result.ok) throw fieldError('amount', refusal(result, payment))
    if (ctx.request.accepts(['html', 'json']) === 'json') return { refund: result.refund.serialize(), replayed: result.replayed }
    const who = payment.userId ? 'the family is' : 'the customer is'
    ctx.session.flash('success', `${formatMoney(result.refund.amount, result.refund.currency)} refunded; ${who} emailed.`)
    return ctx.response.redirect().status(303).toRoute('admin.payments.show', { id: payment.id })
  }
}
