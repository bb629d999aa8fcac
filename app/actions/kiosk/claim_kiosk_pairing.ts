import limiter from '@adonisjs/limiter/services/main'
import KioskDevice from '#models/kiosk_device'

export type ClaimPairingResult =
  | { ok: true; device: KioskDevice; token: string }
  | { ok: false; reason: 'invalid_code' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/** Ten wrong codes from one address in 15 minutes block it for 15 minutes. */
const attempts = () => limiter.use({ requests: 10, duration: '15 mins', blockDuration: '15 mins' })

/** The tablet types the code: it claims the device once and keeps the long-lived token it is given. */
export default class ClaimKioskPairing {
  static async handle(code: string, ip: string): Promise<ClaimPairingResult> {
    const key = `kiosk_pairing:${ip}`
    const store = attempts()
    if (await store.isBlocked(key)) return { ok: false, reason: 'throttled', retryAfterSeconds: await store.availableIn(key) }
    const token = KioskDevice.newToken()
    const device = await KioskDevice.claimPairing(code, token)
    if (!device) {
      const { remaining } = await store.increment(key)
      if (remaining === 0) await store.block(key, store.blockDuration)
      return { ok: false, reason: 'invalid_code' }
    }
    return { ok: true, device, token }
  }
}
