import SendSignupMail from '#actions/auth/send_signup_mail'
import type { JobHandler } from '#services/jobs/job_handler'

interface Payload {
  userId: string
  existing: boolean
}

/** Off the request path, so sign-up answers alike whether or not the address has an account. */
export default class SendSignupMailJob implements JobHandler<Payload> {
  async handle({ userId, existing }: Payload) {
    await SendSignupMail.handle(userId, existing)
  }
}
