import { BaseMail } from '@adonisjs/mail'
import type Gallery from '#models/gallery'
import type { ExpiryRecipient } from '#actions/galleries/expiry_recipients'

export interface GalleryExpiredDetails {
  url: string
  studioName: string
  studioEmail: string | null
}

/** Sent once when a gallery expires: nothing is deleted, the studio can reopen it. */
export default class GalleryExpiredNotification extends BaseMail {
  /** Nothing in it opens an account or a gallery (the link is the gallery's public page). */
  secrets: string[] = []

  constructor(
    private recipient: ExpiryRecipient,
    private gallery: Gallery,
    private details: GalleryExpiredDetails
  ) {
    super()
    this.subject = `“${gallery.name}” has expired`
  }

  prepare() {
    const data = { recipient: this.recipient, gallery: this.gallery, ...this.details, subject: this.subject }
    this.message
      .to(this.recipient.email)
      .htmlView('emails/gallery_expired', data)
      .textView('emails/gallery_expired_text', data)
  }
}
