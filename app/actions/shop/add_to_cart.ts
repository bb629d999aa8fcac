import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import ArtworkPrintOption from '#models/artwork_print_option'
import CartItem from '#models/cart_item'
import type { Actor } from '#support/actor'
import { cartOf, type CartOwner } from '#shop/cart_owner'
import { stockShortfall, type StockShortfall } from '#actions/shop/cart_stock'

export const MAX_QUANTITY = 20

export type AddToCartResult =
  | { ok: true; item: CartItem }
  | { ok: false; reason: 'not_for_sale' | 'too_many' }
  | ({ ok: false; reason: 'out_of_stock' } & StockShortfall)

/**
 * Puts an artwork's print in the owner's cart (or adds to the quantity already there).
 * Only the print option is taken from the form: its price is looked up at checkout.
 */
export default class AddToCart {
  static async handle(_actor: Actor, owner: CartOwner, input: { printOptionId: string; quantity: number }): Promise<AddToCartResult> {
    const option = await ArtworkPrintOption.query()
      .where('id', input.printOptionId)
      .where('available', true)
      .whereHas('artwork', (q) => q.where('status', 'published'))
      .whereHas('productVariant', (q) => q.where('active', true).whereHas('product', (p) => p.where('active', true)))
      .first()
    if (!option) return { ok: false, reason: 'not_for_sale' }

    return db.transaction(async (trx) => {
      const cart = await cartOf(owner, trx)
      const existing = await CartItem.query({ client: trx })
        .where('cart_id', cart.id)
        .where('product_variant_id', option.productVariantId)
        .where('artwork_id', option.artworkId)
        .first()
      const quantity = (existing?.quantity ?? 0) + input.quantity
      if (quantity > MAX_QUANTITY) return { ok: false, reason: 'too_many' } as const
      const short = await stockShortfall(trx, cart.id, option.productVariantId, input.quantity)
      if (short) {
        await trx.rollback() // a cart made just now is not kept either
        return { ok: false, reason: 'out_of_stock', ...short } as const
      }
      const item = existing
        ? await existing.merge({ quantity }).save()
        : await CartItem.create({ cartId: cart.id, productVariantId: option.productVariantId, artworkId: option.artworkId, quantity }, { client: trx })
      cart.updatedAt = DateTime.now()
      await cart.save()
      return { ok: true, item } as const
    })
  }
}
