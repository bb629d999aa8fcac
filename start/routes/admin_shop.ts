import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { uuidMatcher } from '#services/http/route_ids'

const OrdersController = () => import('#controllers/admin/shop/orders_controller')
const OrderExportsController = () => import('#controllers/admin/shop/order_exports_controller')
const OrderStatusesController = () => import('#controllers/admin/shop/order_statuses_controller')
const OrderPackingSlipsController = () => import('#controllers/admin/shop/order_packing_slips_controller')

/**
 * The print shop's part of the one /admin group (start/routes/admin.ts calls this inside
 * it). Orders: admins and front-desk staff.
 */
export function shopAdminRoutes() {
  router
    .group(() => {
      router.get('/orders', [OrdersController, 'index']).as('orders.index')
      router.get('/orders/export.csv', [OrderExportsController, 'show']).as('order_exports.show')
      router.get('/orders/:id', [OrdersController, 'show']).as('orders.show')
      router.post('/orders/:order_id/status', [OrderStatusesController, 'store']).as('order_statuses.store')
      router.get('/orders/:order_id/packing-slip', [OrderPackingSlipsController, 'show']).as('order_packing_slips.show')
    })
    .where('order_id', uuidMatcher)
    .use(middleware.area({ ability: 'manageOrders' }))
}
