import { BaseMail } from '@adonisjs/mail'
import type User from '#models/user'
import type Invoice from '#models/invoice'
import { formatMoney } from '#services/money/format_money'

/** An invoice for the family: what it bills, what is due by when, and its link in the portal. */
export default class InvoiceSentNotification extends BaseMail {
  readonly secrets: string[] = []

  constructor(
    private family: User,
    private invoice: Invoice,
    private link: string
  ) {
    super()
    this.subject = `Invoice ${invoice.number}: ${formatMoney(invoice.balance, invoice.currency)} due`
  }

  prepare() {
    const invoice = this.invoice
    const data = {
      subject: this.subject,
      family: this.family,
      number: invoice.number,
      lines: invoice.items.map((item) => ({ description: item.description, amount: formatMoney(item.lineTotal, invoice.currency) })),
      total: formatMoney(invoice.total, invoice.currency),
      due: formatMoney(invoice.balance, invoice.currency),
      dueOn: invoice.dueOn?.toFormat('d LLLL yyyy') ?? null,
      link: this.link,
    }
    this.message.to(this.family.email!).htmlView('emails/invoices/sent', data).textView('emails/invoices/sent_text', data)
  }
}
