import { BaseMail } from '@adonisjs/mail'
import type Gallery from '#models/gallery'

export interface SelectionLinkDetails {
  url: string
  count: number
  minutes: number
  studioName: string
}

/**
 * To the family's address: someone entered the gallery with that email and asked to
 * submit the selection; the one-time link does it. Nobody without the inbox can.
 */
export default class SelectionLinkNotification extends BaseMail {
  subject: string
  /** What the email log must not keep readable (the recipient's copy is unchanged). */
  secrets: string[]

  constructor(
    private recipient: string,
    private gallery: Gallery,
    private details: SelectionLinkDetails
  ) {
    super()
    this.subject = `Confirm your selection: “${gallery.name}”`
    this.secrets = [details.url]
  }

  prepare() {
    const data = { gallery: this.gallery, ...this.details, subject: this.subject }
    this.message
      .to(this.recipient)
      .htmlView('emails/selection_link', data)
      .textView('emails/selection_link_text', data)
  }
}
