import User from '#models/user'
import { issueUserToken } from '#services/auth/user_tokens'
import { deliverMail } from '#services/mail/deliver_mail'
import PasswordResetNotification from '#mails/password_reset_notification'

/**
 * Emails a reset link valid for one hour (an invitation: 72 hours) when the address has
 * an active account; nothing otherwise. Run by the job RequestPasswordReset queues, and
 * directly when an admin invites a colleague.
 */
export default class SendPasswordReset {
  static async handle(email: string, options: { invited?: boolean; validHours?: number } = {}) {
    const user = await User.query().where('email', email).whereNull('deletedAt').first()
    if (!user || !user.isActive) return

    const token = await issueUserToken(user, 'password_reset', { hours: options.validHours ?? 1 })
    await deliverMail(new PasswordResetNotification(user, token, options.invited))
  }
}
