import SendPasswordReset from '#actions/auth/send_password_reset'
import type { JobHandler } from '#services/jobs/job_handler'

/** Off the request path, so "forgot password" answers alike for any address. */
export default class SendPasswordResetMail implements JobHandler<{ email: string }> {
  async handle({ email }: { email: string }) {
    await SendPasswordReset.handle(email)
  }
}
