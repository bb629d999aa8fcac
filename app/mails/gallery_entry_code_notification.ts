import { BaseMail } from '@adonisjs/mail'
import type Gallery from '#models/gallery'

/** The 6-digit code that lets someone whose email the gallery knows in while it is guarded. */
export default class GalleryEntryCodeNotification extends BaseMail {
  subject: string
  /** What the email log must not keep readable (the recipient's copy is unchanged). */
  secrets: string[]

  constructor(
    private recipient: string,
    private gallery: Gallery,
    private code: string,
    private minutes: number
  ) {
    super()
    this.subject = `Your code for “${gallery.name}”: ${code}`
    this.secrets = [code]
  }

  prepare() {
    const data = { gallery: this.gallery, code: this.code, minutes: this.minutes, subject: this.subject }
    this.message
      .to(this.recipient)
      .htmlView('emails/gallery_entry_code', data)
      .textView('emails/gallery_entry_code_text', data)
  }
}
