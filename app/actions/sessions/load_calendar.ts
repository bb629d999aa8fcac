import PhotoSession from '#models/photo_session'
import BusinessHour from '#models/business_hour'
import User from '#models/user'
import StudioSetting from '#models/studio_setting'
import { buildCalendar, rangeOf, type CalendarView } from '#booking/studio_calendar'

/**
 * The studio calendar for a day, week or month: every session in range (cancelled ones
 * too, struck through), optionally one photographer's only, laid out per photographer
 * (day) or per day (week, month).
 */
export default class LoadCalendar {
  static async handle(input: { view: CalendarView; date?: string; photographerId?: string | null }) {
    const settings = await StudioSetting.current()
    const zone = settings.timezone
    const date = input.date ?? new Date().toISOString().slice(0, 10)
    const { from, to } = rangeOf(input.view, date, zone)
    const sessions = await PhotoSession.query()
      .withScopes((scopes) => scopes.startingBetween(from, to.plus({ milliseconds: 1 })))
      .if(input.photographerId, (query) => query.where('photographer_id', input.photographerId!))
      .preload('package')
      .preload('user')
      .preload('children')
      .orderBy('starts_at')
    const photographers = await User.query()
      .where('role', 'photographer')
      .whereNull('deactivated_at')
      .if(input.photographerId, (query) => query.where('id', input.photographerId!))
      .preload('photographerProfile')
      .orderBy('first_name')
    const calendar = buildCalendar({
      view: input.view,
      date,
      zone,
      sessions: sessions.map((s) => ({
        id: s.id,
        number: s.sessionNumber,
        startsAt: s.startsAt,
        durationMinutes: s.estimatedDuration,
        status: s.status,
        title: s.package.name,
        family: s.children.length ? s.children.map((c) => c.firstName).join(' & ') : s.user.fullName,
        photographerId: s.photographerId,
        setNumber: s.setNumber,
        paymentFlagged: s.paymentFlaggedAt !== null,
      })),
      hours: await BusinessHour.all(),
      photographers: photographers.map((p) => ({ id: p.id, name: p.photographerProfile?.displayName ?? p.fullName })),
    })
    return { calendar, settings, photographers, date, count: sessions.length }
  }
}
