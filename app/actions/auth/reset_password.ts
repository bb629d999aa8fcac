import { DateTime } from 'luxon'
import User from '#models/user'
import { consumeToken, findUsableToken } from '#services/auth/user_tokens'
import { endEverySession } from '#services/auth/session_epoch'

export type ResetPasswordResult = { ok: true; user: User } | { ok: false; reason: 'invalid_token' }

/**
 * Sets a new password from an emailed token. Ends every other HTTP session and
 * remember-me token; the link proved the email, so the address counts as verified.
 */
export default class ResetPassword {
  static async handle(plainToken: string, password: string): Promise<ResetPasswordResult> {
    const token = await findUsableToken(plainToken, 'password_reset')
    if (!token || !(await consumeToken(token))) return { ok: false, reason: 'invalid_token' }

    const user = token.user
    user.password = password
    user.emailVerifiedAt ??= DateTime.now()
    await user.save()
    await endEverySession(user)
    return { ok: true, user }
  }
}
