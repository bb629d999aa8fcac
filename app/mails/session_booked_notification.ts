import { BaseMail } from '@adonisjs/mail'
import type User from '#models/user'
import type { SessionFacts } from '#actions/booking/describe_session'
import { icsInvitation } from '#services/calendar/ics'

export interface BookedMailExtras {
  checkInToken: string
  qrPng: Buffer
  /** "Deposit $112.50: pay at the studio", then the plan's installments, one line each. */
  paymentLines: string[]
}

/**
 * "You're booked": the session's details, the invitation as an .ics attachment and the
 * check-in QR code as an inline image. The QR carries the check-in token: a secret.
 */
export default class SessionBookedNotification extends BaseMail {
  readonly secrets: string[]

  constructor(
    private family: User,
    private facts: SessionFacts,
    private extras: BookedMailExtras
  ) {
    super()
    this.subject = `You're booked: ${facts.packageName} on ${facts.when}`
    this.secrets = [extras.checkInToken]
  }

  prepare() {
    const data = { family: this.family, facts: this.facts, paymentLines: this.extras.paymentLines, subject: this.subject }
    this.message
      .to(this.family.email!)
      .htmlView('emails/session/booked', data)
      .textView('emails/session/booked_text', data)
      .attachData(Buffer.from(icsInvitation(this.facts.event)), {
        filename: `${this.facts.number}.ics`,
        contentType: 'text/calendar; charset=utf-8; method=REQUEST',
      })
      .embedData(this.extras.qrPng, 'check-in-qr', { filename: 'check-in.png', contentType: 'image/png' })
  }
}
