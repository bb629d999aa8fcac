import User from '#models/user'
import { issueSignInLink } from '#services/auth/sign_in_links'
import { deliverMail } from '#services/mail/deliver_mail'
import SignInLinkNotification from '#mails/sign_in_link_notification'

/** The job behind RequestSignInLink: a one-time link to an active account's address. */
export default class SendSignInLink {
  static async handle(email: string) {
    const user = await User.query().where('email', email).whereNull('deletedAt').first()
    if (!user?.email || !user.isActive) return
    const token = await issueSignInLink(user as User & { email: string })
    await deliverMail(new SignInLinkNotification(user, token))
  }
}
