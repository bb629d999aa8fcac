import OrderItem from '#models/order_item'

/**
 * The studio printer's work: in-house items of orders in production not yet shipped,
 * oldest order first, with what the page shows (order, variant, picture).
 */
export default class ListPrintQueue {
  static async handle() {
    return OrderItem.query()
      .select('order_items.*')
      .join('orders', 'orders.id', 'order_items.order_id')
      .where('orders.status', 'in_production')
      .where('order_items.fulfillment_provider', 'in_house')
      .whereIn('order_items.fulfillment_status', ['pending', 'submitted', 'in_production'])
      .orderBy('orders.created_at')
      .orderBy('orders.order_number')
      .orderBy('order_items.created_at')
      .preload('order')
      .preload('productVariant', (q) => q.preload('product'))
      .preload('artwork', (q) => q.preload('mediaAsset'))
      .preload('photo', (q) => q.preload('mediaAsset'))
  }
}
