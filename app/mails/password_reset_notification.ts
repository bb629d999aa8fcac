import { BaseMail } from '@adonisjs/mail'
import router from '@adonisjs/core/services/router'
import type User from '#models/user'
import { appUrl } from '#config/app'

/** The reset link (1 hour), or for an invited studio account the link to choose a first password. */
export default class PasswordResetNotification extends BaseMail {
  subject = 'Reset your Loupe password'
  secrets: string[]

  constructor(
    private user: User,
    private token: string,
    private invited = false
  ) {
    super()
    this.secrets = [token]
    if (invited) this.subject = 'Your Loupe studio account is ready'
  }

  prepare() {
    const url = appUrl + router.makeUrl('password_reset.edit', { token: this.token })
    const data = { user: this.user, url, invited: this.invited }
    this.message
      .to(this.user.email!)
      .htmlView('emails/password_reset', data)
      .textView('emails/password_reset_text', data)
  }
}
