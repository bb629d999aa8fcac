import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import { orderUrl } from '#actions/shop/confirm_order'

/** The family's print orders, newest first, each with its status and tracking. */
export default class OrdersController {
  async index({ auth, view }: HttpContext) {
    const orders = await Order.query().where('user_id', auth.user!.id).orderBy('created_at', 'desc').preload('items').limit(100)
    return view.render('pages/portal/orders/index', { orders, orderUrl })
  }
}
