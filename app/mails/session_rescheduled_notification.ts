import { BaseMail } from '@adonisjs/mail'
import type User from '#models/user'
import type { SessionFacts } from '#actions/booking/describe_session'
import { icsInvitation } from '#services/calendar/ics'

/** The session moved: the new time, and the updated invitation (same UID, higher SEQUENCE). */
export default class SessionRescheduledNotification extends BaseMail {
  /** Nothing secret: no link or code in it. */
  readonly secrets: string[] = []

  constructor(
    private family: User,
    private facts: SessionFacts,
    private previousWhen: string
  ) {
    super()
    this.subject = `Moved: your ${facts.packageName} session is now on ${facts.when}`
  }

  prepare() {
    const data = { family: this.family, facts: this.facts, previousWhen: this.previousWhen, subject: this.subject }
    this.message
      .to(this.family.email!)
      .htmlView('emails/session/rescheduled', data)
      .textView('emails/session/rescheduled_text', data)
      .attachData(Buffer.from(icsInvitation(this.facts.event)), {
        filename: `${this.facts.number}.ics`,
        contentType: 'text/calendar; charset=utf-8; method=REQUEST',
      })
  }
}
