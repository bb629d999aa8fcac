import type { HttpContext } from '@adonisjs/core/http'
import OrderPolicy from '#policies/order_policy'
import MarkItemPrinted from '#actions/shop/mark_item_printed'
import { notFound } from '#services/http/route_ids'

/** An in-house item's print as a resource: staff record that it came off the printer. */
export default class OrderItemPrintsController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(OrderPolicy).authorize('manage')
    const result = await MarkItemPrinted.handle(ctx.actor, ctx.params.item_id)
    if (!result.ok && result.reason === 'not_found') notFound()
    if (result.ok) ctx.session.flash('success', `${result.item.order.orderNumber}: printed, ready to ship.`)
    else ctx.session.flash('error', 'That print was already moved on.')
    return ctx.response.redirect().status(303).toRoute('admin.print_queue.show')
  }
}
