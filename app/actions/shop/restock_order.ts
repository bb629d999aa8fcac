import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Order from '#models/order'
import OrderItem from '#models/order_item'
import ProductVariant from '#models/product_variant'
import { unitsByVariant } from '#shop/stock'

/**
 * Puts a cancelled order's units back into their stocked variants (print-on-demand ones
 * are left alone) and returns how many went back. Call it in the cancelling transaction,
 * only when the order's own compare-and-set to `cancelled` changed the row: that is what
 * keeps two cancellations from restocking twice.
 */
export async function restock(order: Order, trx: TransactionClientContract) {
  const items = await OrderItem.query({ client: trx }).where('order_id', order.id)
  const units = unitsByVariant(items.map((item) => ({ variantId: item.productVariantId, quantity: item.quantity })))
  let returned = 0
  for (const [variantId, count] of [...units].sort(([a], [b]) => a.localeCompare(b))) {
    if (await ProductVariant.returnStock(variantId, count, trx)) returned += count
  }
  return returned
}
