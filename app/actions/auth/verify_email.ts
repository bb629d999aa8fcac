import { DateTime } from 'luxon'
import type User from '#models/user'
import { consumeToken, findUsableToken } from '#services/auth/user_tokens'

export type VerifyEmailResult = { ok: true; user: User } | { ok: false; reason: 'invalid_token' }

/** Confirms the address behind an emailed link, once; the link proves the mailbox, so it may sign in. */
export default class VerifyEmail {
  static async handle(plainToken: string): Promise<VerifyEmailResult> {
    const token = await findUsableToken(plainToken, 'email_verification')
    if (!token || !(await consumeToken(token))) return { ok: false, reason: 'invalid_token' }

    token.user.emailVerifiedAt ??= DateTime.now()
    await token.user.save()
    return { ok: true, user: token.user }
  }
}
