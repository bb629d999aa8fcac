import hash from '@adonisjs/core/services/hash'
import User from '#models/user'
import { clearFailedLogins, loginGate, recordFailedLogin } from '#services/auth/login_throttle'

export type AttemptLoginResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }
  | { ok: false; reason: 'proof_required' }

/**
 * Checks credentials under the login limits (app/services/auth/login_throttle.ts).
 * Deactivated accounts cannot sign in. While the account needs a proof (an emailed
 * sign-in link) the password is not even checked.
 */
export default class AttemptLogin {
  static async handle(email: string, password: string, ip: string): Promise<AttemptLoginResult> {
    const gate = await loginGate(email, ip)
    if (!gate.open) {
      return 'proof' in gate ? { ok: false, reason: 'proof_required' } : { ok: false, reason: 'throttled', retryAfterSeconds: gate.waitSeconds }
    }

    const user = await User.verifyCredentials(email, password).catch(() => null)
    if (!user || !user.isActive) {
      await recordFailedLogin(email, ip)
      return { ok: false, reason: 'invalid_credentials' }
    }
    await clearFailedLogins(email, ip)
    // A hash made with older (cheaper) parameters is redone now that we hold the password.
    if (hash.needsReHash(user.password!)) {
      user.password = password
      await user.save()
    }
    return { ok: true, user }
  }
}
