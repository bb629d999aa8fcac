import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import type PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'
import type { CalendarEvent } from '#services/calendar/ics'

/** "Saturday, March 14, 2026 at 10:00 AM" in the studio's timezone. */
export const LONG_WHEN = "cccc, LLLL d, yyyy 'at' h:mm a"

export interface SessionFacts {
  number: string
  packageName: string
  when: string
  durationMinutes: number
  photographerName: string | null
  children: string[]
  studio: { name: string; address: string | null; phone: string | null; email: string | null; timezone: string }
  portalUrl: string
  calendarUrl: string
  event: CalendarEvent
}

/**
 * What the emails and pages say about a photo session, in the studio's timezone, with its
 * calendar event. Loads what it needs (package, photographer, children, family).
 */
export default class DescribeSession {
  static async handle(session: PhotoSession, settings?: StudioSetting): Promise<SessionFacts> {
    const studio = settings ?? (await StudioSetting.current())
    await session.load((loader) =>
      loader
        .load('package')
        .load('user')
        .load('children')
        .load('photographer', (query) => query.preload('photographerProfile'))
    )
    const startsAt = session.startsAt.setZone(studio.timezone)
    const photographerName = session.photographer
      ? (session.photographer.photographerProfile?.displayName ?? session.photographer.fullName)
      : null
    const children = session.children.map((child) => child.firstName)
    const portalUrl = appUrl + router.makeUrl('portal.sessions.show', { id: session.id })
    const calendarUrl = appUrl + router.makeUrl('portal.session_calendars.show', { session_id: session.id })
    const description = [
      `${session.package.name} (${session.estimatedDuration} minutes) at ${studio.name}`,
      children.length ? `For ${children.join(', ')}` : null,
      photographerName ? `Photographer: ${photographerName}` : null,
      `Session ${session.sessionNumber}: ${portalUrl}`,
      studio.phone ? `To change it, call ${studio.phone}.` : null,
    ]
      .filter(Boolean)
      .join('\n')

    return {
      number: session.sessionNumber,
      packageName: session.package.name,
      when: startsAt.toFormat(LONG_WHEN),
      durationMinutes: session.estimatedDuration,
      photographerName,
      children,
      studio: { name: studio.name, address: studio.address, phone: studio.phone, email: studio.email, timezone: studio.timezone },
      portalUrl,
      calendarUrl,
      event: {
        uid: `${session.id}@loupe`,
        sequence: session.calendarSequence,
        startsAt,
        endsAt: startsAt.plus({ minutes: session.estimatedDuration }),
        summary: `${session.package.name} photo session at ${studio.name}`,
        description,
        location: studio.address ? studio.address.replace(/\n/g, ', ') : studio.name,
        url: portalUrl,
        organizer: { name: studio.name, email: studio.email },
        attendee: session.user?.email ? { name: session.user.fullName, email: session.user.email } : null,
        cancelled: session.status === 'cancelled',
      },
    }
  }
}
