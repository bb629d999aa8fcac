import type { HttpContext } from '@adonisjs/core/http'

/**
 * Encrypted cookies decrypted before, by name and exact text: HMAC-checked and decrypted
 * once per process. An encrypted cookie carries no expiry of its own, so the same text
 * under the same name always holds the same value. Treat an object read here as frozen.
 */
const decrypted = new Map<string, unknown>()
const KEPT = 5000

export function decryptedCookie(ctx: HttpContext, name: string): unknown {
  const text = ctx.request.cookiesList()[name]
  if (typeof text !== 'string') return null
  const key = `${name}=${text}`
  if (decrypted.has(key)) return decrypted.get(key)
  const value = ctx.request.encryptedCookie(name) ?? null
  if (value === null) return null
  if (decrypted.size >= KEPT) decrypted.clear()
  decrypted.set(key, value)
  return value
}
