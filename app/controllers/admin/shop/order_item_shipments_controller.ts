import type { HttpContext } from '@adonisjs/core/http'
import OrderPolicy from '#policies/order_policy'
import ShipInHouseItem from '#actions/shop/ship_in_house_item'
import { orderItemShipmentValidator } from '#validators/order_item'
import { notFound } from '#services/http/route_ids'

/** An in-house item's shipment as a resource: staff post its tracking number. */
export default class OrderItemShipmentsController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(OrderPolicy).authorize('manage')
    const { trackingNumber } = await ctx.request.validateUsing(orderItemShipmentValidator)
    const result = await ShipInHouseItem.handle(ctx.actor, ctx.params.item_id, trackingNumber)
    if (!result.ok && result.reason === 'not_found') notFound()
    if (!result.ok) ctx.session.flash('error', 'That print is not waiting to ship.')
    else if (result.orderShipped) ctx.session.flash('success', `${result.item.order.orderNumber} shipped: the customer has been emailed.`)
    else ctx.session.flash('success', `${result.item.order.orderNumber}: print shipped; the order waits for its other items.`)
    return ctx.response.redirect().status(303).toRoute('admin.print_queue.show')
  }
}
