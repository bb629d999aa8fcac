import { BaseMail } from '@adonisjs/mail'
import type Inquiry from '#models/inquiry'

/** "We got your message": to whoever wrote through the contact form, with a copy of it. */
export default class InquiryReceivedNotification extends BaseMail {
  subject = 'We got your message: Loupe Studio'
  readonly secrets: string[] = []

  constructor(private inquiry: Inquiry) {
    super()
  }

  prepare() {
    const data = { inquiry: this.inquiry, subject: this.subject }
    this.message
      .to(this.inquiry.email)
      .htmlView('emails/site/inquiry_received', data)
      .textView('emails/site/inquiry_received_text', data)
  }
}
