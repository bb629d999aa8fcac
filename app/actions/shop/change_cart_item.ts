import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import CartItem from '#models/cart_item'
import type { Actor } from '#support/actor'
import { cartQuery, type CartOwner } from '#shop/cart_owner'

/**
 * Sets a line's quantity (0 removes it). The line is looked up through the owner's cart:
 * someone else's line id is simply not found.
 */
export default class ChangeCartItem {
  static async handle(_actor: Actor, owner: CartOwner, itemId: string, quantity: number): Promise<boolean> {
    return db.transaction(async (trx) => {
      const cart = await cartQuery(owner, trx).first()
      if (!cart) return false
      const item = await CartItem.query({ client: trx }).where('id', itemId).where('cart_id', cart.id).first()
      if (!item) return false
      if (quantity === 0) await item.delete()
      else await item.merge({ quantity }).save()
      cart.updatedAt = DateTime.now()
      await cart.save()
      return true
    })
  }
}
