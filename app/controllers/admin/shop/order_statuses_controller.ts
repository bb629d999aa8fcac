import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import OrderPolicy from '#policies/order_policy'
import ChangeOrderStatus from '#actions/shop/change_order_status'
import { orderStatusValidator } from '#validators/order'
import { findByRouteId } from '#services/http/route_ids'

/** An order's status as a resource: the studio posts the next one (production, shipped, delivered, cancelled). */
export default class OrderStatusesController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(OrderPolicy).authorize('manage')
    const order = await findByRouteId(Order, ctx.params.order_id)
    const { to, trackingNumber, note } = await ctx.request.validateUsing(orderStatusValidator)
    const from = order.status
    const result = await ChangeOrderStatus.handle(ctx.actor, order, to, { trackingNumber, note })
    if (result.ok) ctx.session.flash('success', `${order.orderNumber}: ${to.replace('_', ' ')}.`)
    else ctx.session.flash('error', `${order.orderNumber} cannot go from ${from.replace('_', ' ')} to ${to.replace('_', ' ')}.`)
    return ctx.response.redirect().status(303).toRoute('admin.orders.show', { id: order.id })
  }
}
