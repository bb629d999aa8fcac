import type User from '#models/user'
import { clearFailedLogins } from '#services/auth/login_throttle'
import { consumeSignInLink, findUsableSignInLink } from '#services/auth/sign_in_links'

export type RedeemSignInLinkResult = { ok: true; user: User } | { ok: false; reason: 'invalid_link' }

/**
 * Signs in with an emailed link, once: opening the address's mailbox is the proof. The
 * account's failed-password count starts again, so the password works on its own again.
 */
export default class RedeemSignInLink {
  static async handle(token: string): Promise<RedeemSignInLinkResult> {
    const link = await findUsableSignInLink(token)
    if (!link?.user?.isActive || !(await consumeSignInLink(link))) return { ok: false, reason: 'invalid_link' }
    await clearFailedLogins(link.user.email!)
    return { ok: true, user: link.user }
  }
}
