import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Gallery from '#models/gallery'
import CartItem from '#models/cart_item'
import { visiblePhotosOf } from '#actions/galleries/visible_photos'
import { photoPrintVariants } from '#actions/shop/load_photo_print'
import { MAX_QUANTITY } from '#actions/shop/add_to_cart'
import type { Actor } from '#support/actor'
import { cartOf, type CartOwner } from '#shop/cart_owner'
import { stockShortfall, type StockShortfall } from '#actions/shop/cart_stock'

export type AddPhotoToCartResult =
  | { ok: true; item: CartItem }
  | { ok: false; reason: 'not_found' | 'not_for_sale' | 'too_many' }
  | ({ ok: false; reason: 'out_of_stock' } & StockShortfall)

/**
 * A print of a gallery photo into the owner's cart (or more of one already there). The
 * photo must be one the gallery shows and the variant a print, canvas or metal on sale;
 * only which and how many come from the form: the price is looked up at checkout.
 */
export default class AddPhotoToCart {
  static async handle(
    _actor: Actor,
    owner: CartOwner,
    gallery: Gallery,
    input: { photoId: string; productVariantId: string; quantity: number }
  ): Promise<AddPhotoToCartResult> {
    if (!(await visiblePhotosOf(gallery.id).where('photos.id', input.photoId).select('photos.id').first())) return { ok: false, reason: 'not_found' }
    if (!(await photoPrintVariants(input.productVariantId)).length) return { ok: false, reason: 'not_for_sale' }

    return db.transaction(async (trx) => {
      const cart = await cartOf(owner, trx)
      const existing = await CartItem.query({ client: trx })
        .where('cart_id', cart.id)
        .where('product_variant_id', input.productVariantId)
        .where('photo_id', input.photoId)
        .first()
      const quantity = (existing?.quantity ?? 0) + input.quantity
      if (quantity > MAX_QUANTITY) return { ok: false, reason: 'too_many' } as const
      const short = await stockShortfall(trx, cart.id, input.productVariantId, input.quantity)
      if (short) {
        await trx.rollback() // a cart made just now is not kept either
        return { ok: false, reason: 'out_of_stock', ...short } as const
      }
      const item = existing
        ? await existing.merge({ quantity }).save()
        : await CartItem.create({ cartId: cart.id, productVariantId: input.productVariantId, photoId: input.photoId, quantity }, { client: trx })
      cart.updatedAt = DateTime.now()
      await cart.save()
      return { ok: true, item } as const
    })
  }
}
