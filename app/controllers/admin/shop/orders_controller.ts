import type { HttpContext } from '@adonisjs/core/http'
import Order, { ORDER_STATUSES } from '#models/order'
import StatusChange from '#models/status_change'
import OrderPolicy from '#policies/order_policy'
import { ordersMatching } from '#actions/shop/search_orders'
import { orderFiltersOf } from '#controllers/admin/shop/order_filters'
import { findByRouteId } from '#services/http/route_ids'

/** The studio's print orders: a filtered list and one order's detail. */
export default class OrdersController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(OrderPolicy).authorize('manage')
    const { page, ...filters } = await orderFiltersOf(ctx)
    const orders = await ordersMatching(filters).preload('items').paginate(page, 50)
    orders.baseUrl(ctx.request.url())
    orders.queryString(ctx.request.qs())
    return ctx.view.render('pages/admin/orders/index', { orders, filters: ctx.request.qs(), statuses: ORDER_STATUSES })
  }

  async show(ctx: HttpContext) {
    await ctx.bouncer.with(OrderPolicy).authorize('manage')
    const order = await findByRouteId(Order, ctx.params.id)
    await order.load('items', (q) => q.preload('productVariant').preload('artwork').preload('photo', (photo) => photo.preload('mediaAsset')))
    await order.load('payments')
    const history = await StatusChange.query().where('subject_type', 'Order').where('subject_id', order.id).orderBy('created_at')
    return ctx.view.render('pages/admin/orders/show', { order, history })
  }
}
