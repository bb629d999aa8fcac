import { randomBytes } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import { CART_LIFETIME_DAYS, type CartOwner } from '#shop/cart_owner'

export const CART_COOKIE = 'cart'

/**
 * Whose cart this request is about: the signed-in account's, or the browser's guest cart
 * named by its encrypted `cart` cookie. The cookie is only set when something is put in
 * the cart (`create`), so browsing the site sets none.
 */
export function cartOwnerOf({ auth, request, response }: HttpContext, create = false): CartOwner | null {
  if (auth.user) return { userId: auth.user.id }
  const token = request.encryptedCookie(CART_COOKIE)
  if (typeof token === 'string' && token.length >= 32) return { guestToken: token }
  if (!create) return null
  const fresh = randomBytes(24).toString('base64url')
  response.encryptedCookie(CART_COOKIE, fresh, { maxAge: `${CART_LIFETIME_DAYS}d`, httpOnly: true, sameSite: 'lax' })
  return { guestToken: fresh }
}
