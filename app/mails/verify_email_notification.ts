import { BaseMail } from '@adonisjs/mail'
import router from '@adonisjs/core/services/router'
import type User from '#models/user'
import { appUrl } from '#config/app'

export default class VerifyEmailNotification extends BaseMail {
  subject = 'Confirm your email address'
  secrets: string[]

  constructor(
    private user: User,
    private token: string
  ) {
    super()
    this.secrets = [token]
  }

  prepare() {
    const url = appUrl + router.makeUrl('email_verification.show', { token: this.token })
    this.message
      .to(this.user.email!)
      .htmlView('emails/verify_email', { user: this.user, url })
      .textView('emails/verify_email_text', { user: this.user, url })
  }
}
