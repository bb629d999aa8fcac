import { BaseMail } from '@adonisjs/mail'
import type User from '#models/user'
import type Payment from '#models/payment'
import { formatMoney } from '#services/money/format_money'

const WHAT: Record<string, string> = {
  deposit: 'the deposit',
  balance: 'the payment',
  plan_payment: 'an installment',
}

/** The receipt for a card payment taken online (a Checkout payment or a plan's installment). */
export default class PaymentReceiptNotification extends BaseMail {
  readonly secrets: string[] = []

  constructor(
    private family: User,
    private payment: Payment,
    private facts: { sessionNumber: string | null; balance: number | null; installment: string | null; link?: string | null }
  ) {
    super()
    this.subject = `Receipt: ${formatMoney(payment.amount, payment.currency)}${facts.sessionNumber ? ` for ${facts.sessionNumber}` : ''}`
  }

  prepare() {
    const data = {
      subject: this.subject,
      family: this.family,
      what: this.facts.installment ?? WHAT[this.payment.paymentType] ?? 'a payment',
      number: this.facts.sessionNumber,
      amount: formatMoney(this.payment.amount, this.payment.currency),
      balance: this.facts.balance === null ? null : formatMoney(this.facts.balance, this.payment.currency),
      reference: this.payment.id.slice(0, 8).toUpperCase(),
      when: this.payment.processedAt?.toFormat('d LLLL yyyy, h:mm a') ?? '',
      link: this.facts.link ?? null,
    }
    this.message.to(this.family.email!).htmlView('emails/payments/receipt', data).textView('emails/payments/receipt_text', data)
  }
}
