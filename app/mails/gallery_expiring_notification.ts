import { BaseMail } from '@adonisjs/mail'
import type Gallery from '#models/gallery'
import type { ExpiryRecipient } from '#actions/galleries/expiry_recipients'

export interface GalleryExpiryDetails {
  url: string
  /** "Friday, June 6, 2025", in the studio's time zone. */
  expiresOn: string
  /** "in 7 days", "tomorrow", "today". */
  when: string
  studioName: string
  studioEmail: string | null
}

/** "Your gallery expires in 3 days": sent 7, 3 and 1 days before (each once). */
export default class GalleryExpiringNotification extends BaseMail {
  /** Nothing in it opens an account or a gallery (the link is the gallery's public page). */
  secrets: string[] = []

  constructor(
    private recipient: ExpiryRecipient,
    private gallery: Gallery,
    private details: GalleryExpiryDetails
  ) {
    super()
    this.subject = `“${gallery.name}” expires ${details.when}`
  }

  prepare() {
    const data = { recipient: this.recipient, gallery: this.gallery, ...this.details, subject: this.subject }
    this.message
      .to(this.recipient.email)
      .htmlView('emails/gallery_expiring', data)
      .textView('emails/gallery_expiring_text', data)
  }
}
