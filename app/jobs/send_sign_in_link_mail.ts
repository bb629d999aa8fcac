import SendSignInLink from '#actions/auth/send_sign_in_link'
import type { JobHandler } from '#services/jobs/job_handler'

/** Off the request path, so asking for a sign-in link answers alike for any address. */
export default class SendSignInLinkMail implements JobHandler<{ email: string }> {
  async handle({ email }: { email: string }) {
    await SendSignInLink.handle(email)
  }
}
