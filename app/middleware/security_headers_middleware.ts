import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Headers shield does not set: what a page may leak in Referer, and which features it may use. */
export default class SecurityHeadersMiddleware {
  async handle({ response }: HttpContext, next: NextFn) {
    response.header('Referrer-Policy', 'strict-origin-when-cross-origin')
    response.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(self)')
    response.header('Cross-Origin-Opener-Policy', 'same-origin')
    return next()
  }
}
