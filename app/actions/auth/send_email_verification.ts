import type User from '#models/user'
import { issueUserToken } from '#services/auth/user_tokens'
import { deliverMail } from '#services/mail/deliver_mail'
import VerifyEmailNotification from '#mails/verify_email_notification'

export default class SendEmailVerification {
  static async handle(user: User) {
    if (!user.email || user.emailVerifiedAt) return
    const token = await issueUserToken(user, 'email_verification', { days: 2 })
    await deliverMail(new VerifyEmailNotification(user, token))
  }
}
