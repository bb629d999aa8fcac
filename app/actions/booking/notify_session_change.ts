import type { DateTime } from 'luxon'
import type PhotoSession from '#models/photo_session'
import type StudioSetting from '#models/studio_setting'
import User from '#models/user'
import DescribeSession, { LONG_WHEN } from '#actions/booking/describe_session'
import SessionRescheduledNotification from '#mails/session_rescheduled_notification'
import SessionCancelledNotification from '#mails/session_cancelled_notification'
import { deliverMail } from '#services/mail/deliver_mail'

/** Emails the family when their session moves or is cancelled, with the updated invitation. */
export default class NotifySessionChange {
  static async rescheduled(session: PhotoSession, previousStart: DateTime, settings: StudioSetting) {
    const family = await User.find(session.userId)
    if (!family?.email) return null
    const facts = await DescribeSession.handle(session, settings)
    const previousWhen = previousStart.setZone(settings.timezone).toFormat(LONG_WHEN)
    return deliverMail(new SessionRescheduledNotification(family, facts, previousWhen))
  }

  static async cancelled(session: PhotoSession, reason: string, settings: StudioSetting) {
    const family = await User.find(session.userId)
    if (!family?.email) return null
    return deliverMail(new SessionCancelledNotification(family, await DescribeSession.handle(session, settings), reason))
  }
}
