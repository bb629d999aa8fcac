import User from '#models/user'
import { clearFailedLogins, loginBlockedFor, recordFailedLogin } from '#services/auth/login_throttle'

export type AttemptLoginResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/** Checks credentials under the login throttle. Deactivated accounts cannot sign in. */
export default class AttemptLogin {
  static async handle(email: string, password: string, ip: string): Promise<AttemptLoginResult> {
    const wait = await loginBlockedFor(email, ip)
    if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait }

    const user = await User.verifyCredentials(email, password).catch(() => null)
    if (!user || !user.isActive) {
      await recordFailedLogin(email, ip)
      return { ok: false, reason: 'invalid_credentials' }
    }
    await clearFailedLogins(email, ip)
    return { ok: true, user }
  }
}
