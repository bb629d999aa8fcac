import Inquiry from '#models/inquiry'
import InquiryReceivedNotification from '#mails/inquiry_received_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import type { Actor } from '#support/actor'

export interface InquiryInput {
  name: string
  email: string
  phone?: string
  message: string
}

/** A message from the contact form: kept as a new inquiry, and a copy goes to its sender. */
export default class SubmitInquiry {
  static async handle(_actor: Actor, input: InquiryInput) {
    const inquiry = await Inquiry.create({
      name: input.name,
      email: input.email.toLowerCase(),
      phone: input.phone ?? null,
      message: input.message,
      source: 'contact_form',
      status: 'new',
    })
    await deliverMail(new InquiryReceivedNotification(inquiry))
    return inquiry
  }
}
