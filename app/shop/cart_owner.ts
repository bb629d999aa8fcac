import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Cart from '#models/cart'
import { sqlTime } from '#support/db/sql_time'

/** A cart belongs to an account, or to a browser through the token in its `cart` cookie. */
export type CartOwner = { userId: string } | { guestToken: string }

/** Carts untouched for this long are forgotten (and pruned). */
export const CART_LIFETIME_DAYS = 30

export function cartQuery(owner: CartOwner, client?: TransactionClientContract) {
  const query = Cart.query({ client }).where('updated_at', '>=', sqlTime(DateTime.now().minus({ days: CART_LIFETIME_DAYS })))
  return 'userId' in owner ? query.withScopes((s) => s.forUser(owner.userId)) : query.withScopes((s) => s.forGuest(owner.guestToken))
}

/** The owner's live cart, or a new one (a stale one is emptied and reused: one per owner). */
export async function cartOf(owner: CartOwner, trx: TransactionClientContract) {
  const live = await cartQuery(owner, trx).forUpdate().first()
  if (live) return live
  const key = 'userId' in owner ? { userId: owner.userId } : { guestToken: owner.guestToken }
  const stale = await Cart.query({ client: trx }).where(key).first()
  if (stale) {
    await stale.related('items').query().delete()
    stale.updatedAt = DateTime.now()
    await stale.save()
    return stale
  }
  return Cart.create(key, { client: trx })
}
