import router from '@adonisjs/core/services/router'
import User from '#models/user'
import { appUrl } from '#config/app'
import { issueUserToken } from '#services/auth/user_tokens'
import { deliverMail } from '#services/mail/deliver_mail'
import PasswordResetNotification from '#mails/password_reset_notification'

/**
 * Emails a reset link valid for one hour. Says nothing about whether the address has
 * an account: the page shows the same message either way.
 */
export default class RequestPasswordReset {
  static async handle(email: string, options: { invited?: boolean; validHours?: number } = {}) {
    const user = await User.query().where('email', email).whereNull('deletedAt').first()
    if (!user || !user.isActive) return

    const token = await issueUserToken(user, 'password_reset', { hours: options.validHours ?? 1 })
    const url = appUrl + router.makeUrl('password_reset.edit', { token })
    await deliverMail(new PasswordResetNotification(user, url, options.invited))
  }
}
