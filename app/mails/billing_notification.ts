import { BaseMail } from '@adonisjs/mail'
import { signedLinkSecrets } from '#services/mail/mask_secrets'

export interface BillingMessage {
  to: string
  greeting: string
  subject: string
  /** Paragraphs, in order. */
  lines: string[]
  link: { label: string; url: string } | null
  /** Plain links under the button (a receipt's invoice). */
  moreLinks?: { label: string; url: string }[]
}

/**
 * Money's short emails, a greeting, paragraphs and one link: the billing run's (the heads-up
 * 3 days before a charge, a declined charge with the signed link to update the card, the
 * plan stopped after repeated failures, to the family and to the studio), a print order's
 * receipt and its cancellation, and a refund the studio has to make. A signed link is a secret (it opens a page).
 */
export default class BillingNotification extends BaseMail {
  readonly secrets: string[]

  constructor(private content: BillingMessage) {
    super()
    this.subject = content.subject
    this.secrets = signedLinkSecrets([content.link, ...(content.moreLinks ?? [])])
  }

  prepare() {
    const data = { ...this.content, moreLinks: this.content.moreLinks ?? [], subject: this.subject }
    this.message.to(this.content.to).htmlView('emails/payments/billing', data).textView('emails/payments/billing_text', data)
  }
}
