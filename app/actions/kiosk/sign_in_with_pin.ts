import hash from '@adonisjs/core/services/hash'
import limiter from '@adonisjs/limiter/services/main'
import User from '#models/user'

export type PinSignInResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid_pin' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/*
| A 4–6 digit PIN is guessable, so it is throttled like passwords are (login_throttle.ts),
| but tighter: five wrong PINs for one person on one tablet block that pair for 15 minutes,
| twenty wrong PINs on one tablet block the tablet's PIN pad for 30 minutes. The account
| itself is never locked (the password still works).
*/
const perUserAndDevice = () => limiter.use({ requests: 5, duration: '15 mins', blockDuration: '15 mins' })
const perDevice = () => limiter.use({ requests: 20, duration: '15 mins', blockDuration: '30 mins' })

export default class SignInWithPin {
  static async handle(userId: string, pin: string, deviceId: string): Promise<PinSignInResult> {
    const keys = [
      [perUserAndDevice(), `kiosk_pin:${deviceId}:${userId}`],
      [perDevice(), `kiosk_pin:${deviceId}`],
    ] as const
    let wait = 0
    for (const [store, key] of keys) if (await store.isBlocked(key)) wait = Math.max(wait, await store.availableIn(key))
    if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait }

    const user = await User.query().where('id', userId).whereIn('role', ['staff', 'admin']).whereNull('deactivated_at').first()
    const valid = user?.kioskPinHash ? await hash.verify(user.kioskPinHash, pin) : false
    if (!user || !valid) {
      for (const [store, key] of keys) {
        const { remaining } = await store.increment(key)
        if (remaining === 0) await store.block(key, store.blockDuration)
      }
      return { ok: false, reason: 'invalid_pin' }
    }
    await keys[0][0].delete(keys[0][1])
    return { ok: true, user }
  }
}
