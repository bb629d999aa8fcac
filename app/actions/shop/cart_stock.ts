import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import CartItem from '#models/cart_item'
import ProductVariant from '#models/product_variant'

export type StockShortfall = { left: number; inCart: number }

/**
 * Whether `adding` more of a variant fits its stock, counting what the cart already holds
 * of it (every line: an artwork's print and a photo's can share a variant). Null when it
 * fits or the variant is printed on demand. Only a check: stock is taken at checkout.
 */
export async function stockShortfall(trx: TransactionClientContract, cartId: string, variantId: string, adding: number): Promise<StockShortfall | null> {
  const variant = await ProductVariant.findOrFail(variantId, { client: trx })
  if (variant.isPrintOnDemand) return null
  const rows = await CartItem.query({ client: trx }).where('cart_id', cartId).where('product_variant_id', variantId).sum('quantity as total')
  const inCart = Number(rows[0]?.$extras.total ?? 0)
  return variant.inStock(inCart + adding) ? null : { left: variant.stock!, inCart }
}
