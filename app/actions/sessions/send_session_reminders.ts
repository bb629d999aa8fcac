import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'
import DescribeSession from '#actions/booking/describe_session'
import SessionReminderNotification, { type ReminderKind } from '#mails/session_reminder_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { checkInQrPng } from '#services/calendar/check_in_qr'
import { affectedRows } from '#support/db/affected_rows'

/** The morning reminder goes from this hour (studio time) on the day of the session. */
export const MORNING_HOUR = 7

export interface SessionRemindersResult {
  ahead: PhotoSession[]
  today: PhotoSession[]
  emails: number
}

const COLUMNS: Record<ReminderKind, 'reminder_sent_at' | 'day_reminder_sent_at'> = {
  ahead: 'reminder_sent_at',
  today: 'day_reminder_sent_at',
}

/**
 * Reminders of booked and confirmed sessions: `ahead` (the studio's reminder hours before,
 * 48 by default, with the package's preparation checklist) and `today` (from 7:00 studio
 * time on the day). Each once per session: a reminder is claimed by setting its column
 * only where it is still empty, so two runs at once never both send. Sessions booked
 * inside a window skip that reminder (their confirmation just went out); a missed run
 * never sends "two days before" on the day itself. A dry run writes and sends nothing.
 */
export default class SendSessionReminders {
  static async handle(options: { now?: DateTime; dryRun?: boolean } = {}): Promise<SessionRemindersResult> {
    const now = options.now ?? DateTime.now()
    const settings = await StudioSetting.current()
    const local = now.setZone(settings.timezone)
    const tomorrow = local.startOf('day').plus({ days: 1 })
    const result: SessionRemindersResult = { ahead: [], today: [], emails: 0 }

    const windowStart = DateTime.max(now, tomorrow)
    const windowEnd = now.plus({ hours: settings.sessionReminderHours })
    if (windowEnd > windowStart) {
      const ahead = await due('reminder_sent_at').withScopes((s) => s.startingBetween(windowStart, windowEnd))
      result.ahead = ahead.filter((s) => s.createdAt <= s.startsAt.minus({ hours: settings.sessionReminderHours }))
    }
    if (local.hour >= MORNING_HOUR) {
      const today = await due('day_reminder_sent_at').withScopes((s) => s.startingBetween(now, tomorrow))
      result.today = today.filter((s) => s.createdAt.setZone(settings.timezone) < local.startOf('day'))
    }
    if (options.dryRun) return result

    for (const kind of ['ahead', 'today'] as const) {
      const claimed: PhotoSession[] = []
      for (const session of result[kind]) {
        if (!(await claim(session, kind, now))) continue
        claimed.push(session)
        if (await remind(session, kind, settings)) result.emails++
      }
      result[kind] = claimed
    }
    return result
  }
}

function due(column: 'reminder_sent_at' | 'day_reminder_sent_at') {
  return PhotoSession.query().whereIn('status', ['booked', 'confirmed']).whereNull(column).preload('package').preload('user').orderBy('starts_at')
}

async function claim(session: PhotoSession, kind: ReminderKind, now: DateTime) {
  const column = COLUMNS[kind]
  const format = db.connection().dialect.dateTimeFormat
  const updated = await db.from('photo_sessions').where('id', session.id).whereNull(column).update({ [column]: now.toLocal().toFormat(format) })
  return affectedRows(updated) === 1
}

async function remind(session: PhotoSession, kind: ReminderKind, settings: StudioSetting) {
  if (!session.user.email || !session.user.isActive || !session.checkInToken) return false
  const facts = await DescribeSession.handle(session, settings)
  await deliverMail(
    new SessionReminderNotification(session.user, facts, kind, {
      checklist: session.package.checklistItems,
      checkInToken: session.checkInToken,
      qrPng: await checkInQrPng(session.checkInToken),
      time: session.startsAt.setZone(settings.timezone).toFormat('h:mm a'),
    })
  )
  return true
}
