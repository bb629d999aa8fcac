import type { HttpContext } from '@adonisjs/core/http'
import Payment from '#models/payment'
import PhotoSessionPolicy from '#policies/photo_session_policy'
import { paymentReceiptValidator } from '#validators/photo_session'
import MarkPaymentReceived from '#actions/payments/mark_payment_received'
import { formatMoney } from '#services/money/format_money'
import { findByRouteId } from '#services/http/route_ids'

/** "Received at the desk": a pending pay-at-the-studio payment becomes paid, with who and how. */
export default class PaymentReceiptsController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(PhotoSessionPolicy).authorize('manage')
    const payment = await findByRouteId(Payment, ctx.params.payment_id)
    const { method } = await ctx.request.validateUsing(paymentReceiptValidator)
    const result = await MarkPaymentReceived.handle(ctx.actor, payment, method)
    if (result.ok) {
      ctx.session.flash('success', `${formatMoney(payment.amount, payment.currency)} received${result.confirmed ? ': the session is confirmed' : ''}.`)
    } else {
      ctx.session.flash('error', 'That payment is not waiting at the desk any more.')
    }
    if (!payment.photoSessionId) return ctx.response.redirect().status(303).back()
    return ctx.response.redirect().status(303).toRoute('admin.sessions.show', { id: payment.photoSessionId })
  }
}
