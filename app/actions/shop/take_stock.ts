import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import ProductVariant from '#models/product_variant'
import type { CartLine } from '#actions/shop/price_cart'
import { unitsByVariant } from '#shop/stock'

/**
 * Takes an order's units out of its stocked variants, inside the order's transaction.
 * Returns the lines that could not be covered (each given what is left now): the caller
 * must then roll back, which also puts back what was taken. Variants are updated in id
 * order, so two orders sharing variants lock them in the same order and can't deadlock.
 */
export async function takeStock(lines: CartLine[], trx: TransactionClientContract): Promise<CartLine[]> {
  const stocked = lines.filter((line) => !line.item.productVariant.isPrintOnDemand)
  const units = unitsByVariant(stocked.map((line) => ({ variantId: line.item.productVariantId, quantity: line.quantity })))
  const short = new Set<string>()
  for (const [variantId, wanted] of [...units].sort(([a], [b]) => a.localeCompare(b))) {
    if (!(await ProductVariant.takeStock(variantId, wanted, trx))) short.add(variantId)
  }
  if (!short.size) return []
  const left = await ProductVariant.query({ client: trx }).whereIn('id', [...short])
  return stocked
    .filter((line) => short.has(line.item.productVariantId))
    .map((line) => ({ ...line, stockLeft: left.find((variant) => variant.id === line.item.productVariantId)?.stock ?? 0 }))
}
