import { dispatch } from '#services/jobs/dispatch'
import { mayEmail } from '#services/auth/mail_throttle'

/**
 * "Email me a sign-in link", offered while an account needs a proof (too many failed
 * passwords): the same answer and work whether or not the address has an account; a
 * job sends the link (SendSignInLink). Links are not tied to the browser that asked, so
 * an attacker asking too cannot use up the owner's: any recent link works once.
 */
export default class RequestSignInLink {
  static async handle(email: string) {
    if (!(await mayEmail('sign_in_link', email))) return
    await dispatch('auth.sign_in_link_mail', { email })
  }
}
