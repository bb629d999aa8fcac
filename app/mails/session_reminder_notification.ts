import { BaseMail } from '@adonisjs/mail'
import type User from '#models/user'
import type { SessionFacts } from '#actions/booking/describe_session'

export type ReminderKind = 'ahead' | 'today'

/**
 * A reminder: two days ahead with the package's preparation checklist, or on the morning
 * of the session. The QR code comes along (the kiosk reads it): a secret.
 */
export default class SessionReminderNotification extends BaseMail {
  readonly secrets: string[]

  constructor(
    private family: User,
    private facts: SessionFacts,
    private kind: ReminderKind,
    private extras: { checklist: string[]; checkInToken: string; qrPng: Buffer; time: string }
  ) {
    super()
    this.subject =
      kind === 'today'
        ? `Today at ${extras.time}: your ${facts.packageName} session`
        : `See you soon: your ${facts.packageName} session on ${facts.when}`
    this.secrets = [extras.checkInToken]
  }

  prepare() {
    const data = { family: this.family, facts: this.facts, kind: this.kind, checklist: this.extras.checklist, subject: this.subject }
    this.message
      .to(this.family.email!)
      .htmlView('emails/session/reminder', data)
      .textView('emails/session/reminder_text', data)
      .embedData(this.extras.qrPng, 'check-in-qr', { filename: 'check-in.png', contentType: 'image/png' })
  }
}
