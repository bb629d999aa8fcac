import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Order from '#models/order'
import type OrderItem from '#models/order_item'
import ArtworkPrintOption from '#models/artwork_print_option'
import CartItem from '#models/cart_item'
import { visiblePhotos } from '#actions/galleries/visible_photos'
import { photoPrintVariants } from '#actions/shop/load_photo_print'
import { MAX_QUANTITY } from '#actions/shop/add_to_cart'
import type { Actor } from '#support/actor'
import { cartOf, type CartOwner } from '#shop/cart_owner'

export type ReorderResult =
  | { ok: true; added: OrderItem[]; skipped: OrderItem[] }
  | { ok: false; reason: 'nothing_for_sale'; skipped: OrderItem[] }

/**
 * "Buy again": the order's lines back into the owner's cart, by the same rules as adding
 * them by hand. Only which print and how many are copied: the cart prices them today.
 * Lines no longer sold are skipped and returned (labelled) so the customer can be told.
 */
export default class Reorder {
  static async handle(_actor: Actor, owner: CartOwner, order: Order): Promise<ReorderResult> {
    await order.load('items', (q) => q.preload('productVariant').preload('artwork').preload('photo', (p) => p.preload('mediaAsset')).orderBy('created_at'))
    const added: OrderItem[] = []
    const skipped: OrderItem[] = []
    for (const item of order.items) (await stillSold(item) ? added : skipped).push(item)
    if (!added.length) return { ok: false, reason: 'nothing_for_sale', skipped }

    await db.transaction(async (trx) => {
      const cart = await cartOf(owner, trx)
      for (const item of added) {
        const line = { productVariantId: item.productVariantId, artworkId: item.artworkId, photoId: item.photoId }
        const existing = await CartItem.query({ client: trx })
          .where('cart_id', cart.id)
          .where('product_variant_id', item.productVariantId)
          .if(item.artworkId, (q) => q.where('artwork_id', item.artworkId!), (q) => q.whereNull('artwork_id'))
          .if(item.photoId, (q) => q.where('photo_id', item.photoId!), (q) => q.whereNull('photo_id'))
          .first()
        // A cart line holds at most MAX_QUANTITY: what the cart already has plus the order's, capped.
        const quantity = Math.min(MAX_QUANTITY, (existing?.quantity ?? 0) + item.quantity)
        if (existing) await existing.merge({ quantity }).save()
        else await CartItem.create({ cartId: cart.id, ...line, quantity }, { client: trx })
      }
      cart.updatedAt = DateTime.now()
      await cart.save()
    })
    return { ok: true, added, skipped }
  }
}

async function stillSold(item: OrderItem) {
  if (item.artworkId) {
    const option = await ArtworkPrintOption.query()
      .where('artwork_id', item.artworkId)
      .where('product_variant_id', item.productVariantId)
      .where('available', true)
      .whereHas('artwork', (q) => q.where('status', 'published'))
      .whereHas('productVariant', (q) => q.where('active', true).whereHas('product', (p) => p.where('active', true)))
      .first()
    return !!option
  }
  if (item.photoId) {
    const photo = await visiblePhotos().where('photos.id', item.photoId).select('photos.id').first()
    return !!photo && (await photoPrintVariants(item.productVariantId)).length > 0
  }
  const variant = await db.from('product_variants as v').join('products as p', 'p.id', 'v.product_id').where('v.id', item.productVariantId).where('v.active', true).where('p.active', true).select('v.id').first()
  return !!variant
}
