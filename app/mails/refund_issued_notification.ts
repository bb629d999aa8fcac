import { BaseMail } from '@adonisjs/mail'
import type User from '#models/user'
import type Payment from '#models/payment'
import type Refund from '#models/refund'
import type Invoice from '#models/invoice'
import { formatMoney } from '#services/money/format_money'

/** Tells the family money is on its way back, how much, why, and how it returns. */
export default class RefundIssuedNotification extends BaseMail {
  readonly secrets: string[] = []

  constructor(
    private family: User,
    private payment: Payment,
    private refund: Refund,
    private invoice: Invoice | null
  ) {
    super()
    this.subject = `Refund: ${formatMoney(refund.amount, refund.currency)}${invoice ? ` on invoice ${invoice.number}` : ''}`
  }

  prepare() {
    const data = {
      subject: this.subject,
      family: this.family,
      amount: formatMoney(this.refund.amount, this.refund.currency),
      paid: formatMoney(this.payment.amount, this.payment.currency),
      reason: this.refund.reason,
      invoice: this.invoice?.number ?? null,
      how: this.payment.provider === 'offline' ? 'The studio hands it back to you the way you paid (cash or the card terminal).' : 'It goes back to the card you paid with; banks take 5 to 10 days to show it.',
      reference: this.refund.id.slice(0, 8).toUpperCase(),
    }
    this.message.to(this.family.email!).htmlView('emails/invoices/refund', data).textView('emails/invoices/refund_text', data)
  }
}
