import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { notFound } from '#services/http/route_ids'
import Order from '#models/order'
import OrderPolicy from '#policies/order_policy'
import Reorder from '#actions/shop/reorder'
import { orderUrl } from '#actions/shop/confirm_order'
import { cartOwnerOf } from '#controllers/site/shop/cart_cookie'

/** "Buy again": an order's prints back into the cart, for the signed link's holder or the account's owner. */
export default class OrderReordersController {
  async store(ctx: HttpContext) {
    const order = (await Order.find(ctx.params.order_id)) ?? notFound(Order)
    await ctx.bouncer.with(OrderPolicy).authorize('actAsCustomer', order, ctx.request.hasValidSignature('order'))
    const result = await Reorder.handle(ctx.actor, cartOwnerOf(ctx, true)!, order)
    const skipped = result.skipped.map((item) => item.label).join('; ')
    if (!result.ok) {
      ctx.session.flash('error', `None of these prints is sold any more (${skipped}).`)
      return ctx.response.redirect(orderUrl(order))
    }
    ctx.session.flash('success', `The prints of order ${order.orderNumber} are back in your cart, at today’s prices.`)
    if (skipped) ctx.session.flash('error', `Left out, no longer sold: ${skipped}.`)
    return ctx.response.redirect().toRoute('cart.show')
  }
}

/** The "Buy again" form's action: signed like the order's own link, so a guest can use it. */
export function reorderUrl(order: Order) {
  return router.makeSignedUrl('order_reorders.store', { order_id: order.id }, { purpose: 'order' })
}
