import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import OrderPolicy from '#policies/order_policy'
import { findByRouteId } from '#services/http/route_ids'

/** A print view to put in the parcel: address and lines, no prices. */
export default class OrderPackingSlipsController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.with(OrderPolicy).authorize('manage')
    const order = await findByRouteId(Order, ctx.params.order_id)
    await order.load('items', (q) => q.preload('productVariant').preload('artwork').preload('photo', (photo) => photo.preload('mediaAsset')))
    return ctx.view.render('pages/admin/orders/packing_slip', { order })
  }
}
