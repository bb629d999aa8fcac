import { dispatch } from '#services/jobs/dispatch'
import { mayEmail } from '#services/auth/mail_throttle'

/**
 * "Forgot password": the same work whether or not the address has an account (one
 * queued job), so neither the answer nor its timing tells. The job finds the account
 * and emails the link (SendPasswordReset). A few per address an hour at most.
 */
export default class RequestPasswordReset {
  static async handle(email: string) {
    if (!(await mayEmail('password_reset', email))) return
    await dispatch('auth.password_reset_mail', { email })
  }
}
