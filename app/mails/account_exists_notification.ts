import { BaseMail } from '@adonisjs/mail'
import router from '@adonisjs/core/services/router'
import type User from '#models/user'
import { appUrl } from '#config/app'

/**
 * Sent instead of a confirmation when someone signs up with an address that already has
 * an account: the sign-up page answers the same either way, so it reveals nobody's account.
 */
export default class AccountExistsNotification extends BaseMail {
  subject = 'You already have a Loupe account'
  /** Its links are the public sign-in and reset pages. */
  secrets: string[] = []

  constructor(private user: User) {
    super()
  }

  prepare() {
    const data = {
      user: this.user,
      signInUrl: appUrl + router.makeUrl('session.create'),
      resetUrl: appUrl + router.makeUrl('password_reset.create'),
    }
    this.message.to(this.user.email!).htmlView('emails/account_exists', data).textView('emails/account_exists_text', data)
  }
}
