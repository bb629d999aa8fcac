import { BaseMail } from '@adonisjs/mail'
import type User from '#models/user'
import type PhotoSession from '#models/photo_session'
import { formatMoney } from '#services/money/format_money'

/** Sent from the desk: a signed link to pay the session's balance online. */
export default class PaymentLinkNotification extends BaseMail {
  readonly secrets: string[]

  constructor(
    private family: User,
    private session: PhotoSession,
    private url: string
  ) {
    super()
    this.secrets = [url]
    this.subject = `Pay your balance of ${formatMoney(session.balanceDue, session.currency)} for ${session.sessionNumber}`
  }

  prepare() {
    const data = { subject: this.subject, family: this.family, number: this.session.sessionNumber, amount: formatMoney(this.session.balanceDue, this.session.currency), url: this.url }
    this.message.to(this.family.email!).htmlView('emails/kiosk/payment_link', data).textView('emails/kiosk/payment_link_text', data)
  }
}
