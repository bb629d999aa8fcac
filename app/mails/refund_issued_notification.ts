import { BaseMail } from '@adonisjs/mail'
import type Payment from '#models/payment'
import type Refund from '#models/refund'
import type Invoice from '#models/invoice'
import { formatMoney } from '#services/money/format_money'
import { signedLinkSecrets } from '#services/mail/mask_secrets'

/** Who reads it: a family's account, or the address a guest's order was placed with (no name, signed links). */
export interface RefundAddressee {
  email: string
  firstName: string | null
  links: { label: string; url: string }[]
}

/** Tells the customer money is on its way back, how much, why, and how it returns. A signed link is a secret (it opens a page). */
export default class RefundIssuedNotification extends BaseMail {
  readonly secrets: string[]

  constructor(
    private addressee: RefundAddressee,
    private payment: Payment,
    private refund: Refund,
    private invoice: Invoice | null
  ) {
    super()
    this.subject = `Refund: ${formatMoney(refund.amount, refund.currency)}${invoice ? ` on invoice ${invoice.number}` : ''}`
    this.secrets = signedLinkSecrets(addressee.links)
  }

  prepare() {
    const data = {
      subject: this.subject,
      greeting: this.addressee.firstName ? `Hello ${this.addressee.firstName},` : 'Hello,',
      links: this.addressee.links,
      amount: formatMoney(this.refund.amount, this.refund.currency),
      paid: formatMoney(this.payment.amount, this.payment.currency),
      reason: this.refund.reason,
      invoice: this.invoice?.number ?? null,
      how: this.payment.provider === 'offline' ? 'The studio hands it back to you the way you paid (cash or the card terminal).' : 'It goes back to the card you paid with; banks take 5 to 10 days to show it.',
      reference: this.refund.id.slice(0, 8).toUpperCase(),
    }
    this.message.to(this.addressee.email).htmlView('emails/invoices/refund', data).textView('emails/invoices/refund_text', data)
  }
}
