import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { uuidMatcher } from '#services/http/route_ids'

const OrdersController = () => import('#controllers/admin/shop/orders_controller')
const OrderExportsController = () => import('#controllers/admin/shop/order_exports_controller')
const OrderStatusesController = () => import('#controllers/admin/shop/order_statuses_controller')
const OrderAdjustmentsController = () => import('#controllers/admin/shop/order_adjustments_controller')
const OrderPackingSlipsController = () => import('#controllers/admin/shop/order_packing_slips_controller')
const PrintQueueController = () => import('#controllers/admin/shop/print_queue_controller')
const OrderItemPrintsController = () => import('#controllers/admin/shop/order_item_prints_controller')
const OrderItemShipmentsController = () => import('#controllers/admin/shop/order_item_shipments_controller')

/**
 * The print shop's part of the one /admin group (start/routes/admin.ts calls this inside
 * it). Orders and the print queue: admins and front-desk staff.
 */
export function shopAdminRoutes() {
  router
    .group(() => {
      router.get('/orders', [OrdersController, 'index']).as('orders.index')
      router.get('/orders/export.csv', [OrderExportsController, 'show']).as('order_exports.show')
      router.get('/orders/:id', [OrdersController, 'show']).as('orders.show')
      router.post('/orders/:order_id/status', [OrderStatusesController, 'store']).as('order_statuses.store')
      router.post('/orders/:order_id/adjustment', [OrderAdjustmentsController, 'store']).as('order_adjustments.store')
      router.get('/orders/:order_id/packing-slip', [OrderPackingSlipsController, 'show']).as('order_packing_slips.show')
      // The in-house printer's queue; its items are printed, then shipped, by hand.
      router.get('/print-queue', [PrintQueueController, 'show']).as('print_queue.show')
      router.post('/order-items/:item_id/print', [OrderItemPrintsController, 'store']).as('order_item_prints.store')
      router.post('/order-items/:item_id/shipment', [OrderItemShipmentsController, 'store']).as('order_item_shipments.store')
    })
    .where('order_id', uuidMatcher)
    .where('item_id', uuidMatcher)
    .use(middleware.area({ ability: 'manageOrders' }))
}
