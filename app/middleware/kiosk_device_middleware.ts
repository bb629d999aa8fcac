import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import KioskDevice from '#models/kiosk_device'
import { decryptedCookie } from '#support/http/decrypted_cookies'

export const KIOSK_COOKIE = 'loupe_kiosk'

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    kioskDevice?: KioskDevice
  }
}

/**
 * Requests from a paired tablet: its long-lived token (an encrypted cookie) must name an
 * active device. A revoked or unknown tablet is sent to the pairing page at once.
 */
export default class KioskDeviceMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    // The same tablet sends the same cookie all day: decrypted once per process.
    const token = decryptedCookie(ctx, KIOSK_COOKIE)
    const device = typeof token === 'string' ? await KioskDevice.findByToken(token) : null
    if (!device) {
      ctx.response.clearCookie(KIOSK_COOKIE)
      if (ctx.request.header('hx-request')) {
        ctx.response.header('HX-Redirect', '/kiosk/pairing')
        return ctx.response.unauthorized('This tablet is not paired')
      }
      return ctx.response.redirect().toRoute('kiosk.pairing.create')
    }
    ctx.kioskDevice = device
    ctx.kioskDeviceId = device.id
    ctx.view.share({ kioskDevice: device })
    await device.markSeen()
    return next()
  }
}
