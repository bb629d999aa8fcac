import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import { orderUrl } from '#actions/shop/confirm_order'
import { reorderUrl } from '#controllers/site/shop/order_reorders_controller'
import { trackingLinks } from '#shop/tracking_links'

/** The family's print orders, newest first, each with its status, tracking links and "Buy again". */
export default class OrdersController {
  async index({ auth, view }: HttpContext) {
    const orders = await Order.query().where('user_id', auth.user!.id).orderBy('created_at', 'desc').preload('items').limit(100)
    return view.render('pages/portal/orders/index', { orders, orderUrl, reorderUrl, trackingLinks })
  }
}
