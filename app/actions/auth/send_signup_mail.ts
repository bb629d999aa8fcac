import User from '#models/user'
import SendEmailVerification from '#actions/auth/send_email_verification'
import { deliverMail } from '#services/mail/deliver_mail'
import AccountExistsNotification from '#mails/account_exists_notification'

/** The job behind a sign-up: the confirmation link for a new account, "you already have one" otherwise. */
export default class SendSignupMail {
  static async handle(userId: string, existing: boolean) {
    const user = await User.find(userId)
    if (!user?.email || !user.isActive) return
    if (existing) {
      await deliverMail(new AccountExistsNotification(user))
      return
    }
    await SendEmailVerification.handle(user)
  }
}
