import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { notFound } from '#services/http/route_ids'
import Order from '#models/order'
import OrderPolicy from '#policies/order_policy'
import CancelOrder, { type CancelOrderResult } from '#actions/shop/cancel_order'
import { formatMoney } from '#services/money/format_money'
import { orderUrl } from '#actions/shop/confirm_order'

/** "Cancel my order", inside the review window: for the signed link's holder or the account's owner. */
export default class OrderCancellationsController {
  async store(ctx: HttpContext) {
    const order = (await Order.find(ctx.params.order_id)) ?? notFound(Order)
    await ctx.bouncer.with(OrderPolicy).authorize('actAsCustomer', order, ctx.request.hasValidSignature('order'))
    const result = await CancelOrder.handle(ctx.actor, order)
    if (result.ok) ctx.session.flash('success', cancelledMessage(order, result))
    else ctx.session.flash('error', 'The review window has closed: your prints are with the lab. Write to us and we will help.')
    return ctx.response.redirect(orderUrl(order))
  }
}

/** The form's action: signed like the order's own link, so a guest can use it. */
export function cancellationUrl(order: Order) {
  return router.makeSignedUrl('order_cancellations.store', { order_id: order.id }, { purpose: 'order' })
}

function cancelledMessage(order: Order, result: Extract<CancelOrderResult, { ok: true }>) {
  const parts = [`Order ${order.orderNumber} is cancelled.`]
  if (result.refunded) parts.push(`${formatMoney(result.refunded, order.currency)} is on its way back to your card.`)
  if (result.studioRefunds) parts.push(`The studio will give back the ${formatMoney(result.studioRefunds, order.currency)} you paid there.`)
  return parts.join(' ')
}
