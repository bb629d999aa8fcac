import { BaseMail } from '@adonisjs/mail'
import type User from '#models/user'

export default class PasswordResetNotification extends BaseMail {
  subject = 'Reset your Loupe password'

  constructor(
    private user: User,
    private url: string,
    private invited = false
  ) {
    super()
    if (invited) this.subject = 'Your Loupe studio account is ready'
  }

  prepare() {
    const data = { user: this.user, url: this.url, invited: this.invited }
    this.message
      .to(this.user.email!)
      .htmlView('emails/password_reset', data)
      .textView('emails/password_reset_text', data)
  }
}
