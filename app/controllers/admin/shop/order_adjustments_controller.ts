import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import OrderPolicy from '#policies/order_policy'
import AdjustOrder, { type AdjustOrderResult } from '#actions/shop/adjust_order'
import { orderAdjustmentValidator } from '#validators/order'
import { findByRouteId } from '#services/http/route_ids'
import { formatMoney } from '#services/money/format_money'

const REFUSALS = {
  review_over: 'The review window is over: the order is going to print as it is.',
  not_adjustable: 'Only a pending or paid order can be adjusted.',
  nothing_left: 'At least one line must remain: to remove everything, cancel the order.',
  would_raise: 'Only lower a quantity or remove a line: the customer never pays more than they agreed.',
  payment_started: 'The customer has already started paying online, so the amount cannot change.',
  stale: 'The order changed while you were adjusting it: look again.',
} as const

function refundNote(result: Extract<AdjustOrderResult, { ok: true }>, order: Order) {
  if (!result.refund) return ''
  if (result.refund.ok) return ` ${formatMoney(result.refund.refund.amount, order.currency)} refunded.`
  return ' The refund did not go through: refund the difference from the payment.'
}

/** A studio adjustment of an order in its review window: store lowers or removes one line. */
export default class OrderAdjustmentsController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(OrderPolicy).authorize('manage')
    const order = await findByRouteId(Order, ctx.params.order_id)
    const input = await ctx.request.validateUsing(orderAdjustmentValidator)
    const result = await AdjustOrder.handle(ctx.actor, order, input)
    if (result.ok) ctx.session.flash('success', `${order.orderNumber}: ${result.change}. New total ${formatMoney(result.total, order.currency)}.${refundNote(result, order)}`)
    else ctx.session.flash('error', REFUSALS[result.reason])
    return ctx.response.redirect().status(303).toRoute('admin.orders.show', { id: order.id })
  }
}
