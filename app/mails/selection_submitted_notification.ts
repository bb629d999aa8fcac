import { BaseMail } from '@adonisjs/mail'
import type Gallery from '#models/gallery'
import type { SelectionSummary } from '#actions/galleries/selection_summary'

export interface SelectedPhoto {
  filename: string
}

/** To the studio: a family submitted its pick, with the count, the extras and the files. */
export default class SelectionSubmittedNotification extends BaseMail {
  /** Nothing in it opens anything: the link is the studio's own gallery page, behind sign-in. */
  secrets: string[] = []

  subject: string

  constructor(
    private recipient: string,
    private gallery: Gallery,
    private visitorEmail: string,
    private summary: SelectionSummary,
    private photos: SelectedPhoto[],
    private url: string
  ) {
    super()
    this.subject = `Selection submitted: ${gallery.name} (${summary.count} photos)`
  }

  prepare() {
    const data = { gallery: this.gallery, visitorEmail: this.visitorEmail, summary: this.summary, photos: this.photos, url: this.url }
    this.message
      .to(this.recipient)
      .htmlView('emails/selection_submitted', data)
      .textView('emails/selection_submitted_text', data)
  }
}
