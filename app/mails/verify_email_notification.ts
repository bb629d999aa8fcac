import { BaseMail } from '@adonisjs/mail'
import type User from '#models/user'

export default class VerifyEmailNotification extends BaseMail {
  subject = 'Confirm your email address'

  constructor(
    private user: User,
    private url: string
  ) {
    super()
  }

  prepare() {
    this.message
      .to(this.user.email!)
      .htmlView('emails/verify_email', { user: this.user, url: this.url })
      .textView('emails/verify_email_text', { user: this.user, url: this.url })
  }
}
