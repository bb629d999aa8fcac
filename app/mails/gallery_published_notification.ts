import { BaseMail } from '@adonisjs/mail'
import type Gallery from '#models/gallery'
import type User from '#models/user'

export interface GalleryPublishedDetails {
  url: string
  /** The family's one-time sign-in link that lands on the gallery. */
  signInUrl: string
  signInToken: string
  signInHours: number
  /** "Friday, June 6, 2025" in the studio's time zone, or null for a gallery that never expires. */
  expiresOn: string | null
  studioName: string
  studioEmail: string | null
}

/** "Your photos are ready": the gallery's link and access code, sent to the family on publishing. */
export default class GalleryPublishedNotification extends BaseMail {
  /** The access code opens the gallery: the email log keeps it masked. */
  secrets: string[]

  constructor(
    private family: User,
    private gallery: Gallery,
    private details: GalleryPublishedDetails
  ) {
    super()
    this.secrets = [gallery.accessCode, details.signInToken]
    this.subject = `Your photos are ready: “${gallery.name}”`
  }

  prepare() {
    const data = {
      family: this.family,
      gallery: this.gallery,
      accessCode: this.gallery.accessCode,
      hasPassword: !!this.gallery.passwordHash,
      ...this.details,
      subject: this.subject,
    }
    this.message
      .to(this.family.email!)
      .htmlView('emails/gallery_published', data)
      .textView('emails/gallery_published_text', data)
  }
}
