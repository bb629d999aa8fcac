import { DateTime } from 'luxon'
import { consumeToken, findUsableToken } from '#services/auth/user_tokens'

export type VerifyEmailResult = { ok: true; userId: string } | { ok: false; reason: 'invalid_token' }

export default class VerifyEmail {
  static async handle(plainToken: string): Promise<VerifyEmailResult> {
    const token = await findUsableToken(plainToken, 'email_verification')
    if (!token || !(await consumeToken(token))) return { ok: false, reason: 'invalid_token' }

    token.user.emailVerifiedAt ??= DateTime.now()
    await token.user.save()
    return { ok: true, userId: token.user.id }
  }
}
