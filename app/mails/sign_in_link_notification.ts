import { BaseMail } from '@adonisjs/mail'
import router from '@adonisjs/core/services/router'
import type User from '#models/user'
import { appUrl } from '#config/app'

/**
 * The proof a password alone can't give while an account is under attack: a one-time
 * sign-in link (15 minutes) that only the owner of the address can open.
 */
export default class SignInLinkNotification extends BaseMail {
  subject = 'Your sign-in link for Loupe'
  secrets: string[]

  constructor(
    private user: User,
    private token: string
  ) {
    super()
    this.secrets = [token]
  }

  prepare() {
    const data = { user: this.user, url: appUrl + router.makeUrl('sign_in_links.show', { token: this.token }) }
    this.message.to(this.user.email!).htmlView('emails/sign_in_link', data).textView('emails/sign_in_link_text', data)
  }
}
