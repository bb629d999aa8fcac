import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Headers shield does not set: what a page may leak in Referer, and which features it may use. */
export default class SecurityHeadersMiddleware {
  async handle({ request, response }: HttpContext, next: NextFn) {
    response.header('Referrer-Policy', 'strict-origin-when-cross-origin')
    // The front-desk tablet scans confirmation QR codes with its camera; nowhere else may use it.
    const camera = request.url().startsWith('/kiosk') ? 'camera=(self)' : 'camera=()'
    response.header('Permissions-Policy', `${camera}, microphone=(), geolocation=(), payment=(self)`)
    response.header('Cross-Origin-Opener-Policy', 'same-origin')
    return next()
  }
}
