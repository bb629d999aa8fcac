import db from '@adonisjs/lucid/services/db'
import CartItem from '#models/cart_item'
import { MAX_QUANTITY } from '#actions/shop/add_to_cart'
import { cartOf, cartQuery } from '#shop/cart_owner'

/**
 * At sign-in, the browser's guest cart moves into the account's: the same print adds up
 * (at most the per-line maximum), anything else moves over; the guest cart is deleted.
 */
export default class MergeCarts {
  static async handle(guestToken: string, userId: string) {
    await db.transaction(async (trx) => {
      const guest = await cartQuery({ guestToken }, trx).preload('items').first()
      if (!guest) return
      if (guest.items.length) {
        const cart = await cartOf({ userId }, trx)
        const mine = await CartItem.query({ client: trx }).where('cart_id', cart.id)
        for (const item of guest.items) {
          const same = mine.find(
            (m) => m.productVariantId === item.productVariantId && m.artworkId === item.artworkId && m.photoId === item.photoId
          )
          if (same) await same.merge({ quantity: Math.min(MAX_QUANTITY, same.quantity + item.quantity) }).save()
          else await item.merge({ cartId: cart.id }).save()
        }
        await cart.merge({ updatedAt: cart.updatedAt }).save()
      }
      await guest.related('items').query().delete()
      await guest.delete()
    })
  }
}
