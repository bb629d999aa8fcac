import { BaseMail } from '@adonisjs/mail'
import type User from '#models/user'
import type PhotoSession from '#models/photo_session'
import type Payment from '#models/payment'
import { formatMoney } from '#services/money/format_money'

/** The receipt for a payment taken at the front desk. */
export default class DeskReceiptNotification extends BaseMail {
  readonly secrets: string[] = []

  constructor(
    private family: User,
    private session: PhotoSession,
    private payment: Payment,
    private how: 'cash' | 'card'
  ) {
    super()
    this.subject = `Receipt: ${formatMoney(payment.amount, payment.currency)} for ${session.sessionNumber}`
  }

  prepare() {
    const data = {
      subject: this.subject,
      family: this.family,
      number: this.session.sessionNumber,
      amount: formatMoney(this.payment.amount, this.payment.currency),
      balance: formatMoney(this.session.balanceDue, this.session.currency),
      how: this.how === 'cash' ? 'Cash' : 'Card (terminal)',
      reference: this.payment.id.slice(0, 8).toUpperCase(),
      when: this.payment.processedAt?.toFormat("d LLLL yyyy, h:mm a") ?? '',
    }
    this.message.to(this.family.email!).htmlView('emails/kiosk/receipt', data).textView('emails/kiosk/receipt_text', data)
  }
}
