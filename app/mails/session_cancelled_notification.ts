import { BaseMail } from '@adonisjs/mail'
import type User from '#models/user'
import type { SessionFacts } from '#actions/booking/describe_session'
import { icsInvitation } from '#services/calendar/ics'

/** The session is cancelled; the attachment removes it from the family's calendar. */
export default class SessionCancelledNotification extends BaseMail {
  /** Nothing secret: no link or code in it. */
  readonly secrets: string[] = []

  constructor(
    private family: User,
    private facts: SessionFacts,
    private reason: string
  ) {
    super()
    this.subject = `Cancelled: your ${facts.packageName} session on ${facts.when}`
  }

  prepare() {
    const data = { family: this.family, facts: this.facts, reason: this.reason, subject: this.subject }
    this.message
      .to(this.family.email!)
      .htmlView('emails/session/cancelled', data)
      .textView('emails/session/cancelled_text', data)
      .attachData(Buffer.from(icsInvitation(this.facts.event)), {
        filename: `${this.facts.number}.ics`,
        contentType: 'text/calendar; charset=utf-8; method=CANCEL',
      })
  }
}
