import { DateTime } from 'luxon'
import PhotoSession from '#models/photo_session'

/** Sessions holding a slot on each of the next `days` studio days, for the sessions chart. */
export default class CountUpcomingSessions {
  static async handle(zone: string, days = 14) {
    const today = DateTime.now().setZone(zone).startOf('day')
    const sessions = await PhotoSession.query()
      .withScopes((scopes) => scopes.holdingSlot())
      .withScopes((scopes) => scopes.startingBetween(today, today.plus({ days })))
      .select('starts_at')
    const counts = new Map<string, number>()
    for (const session of sessions) {
      const date = session.startsAt.setZone(zone).toISODate()!
      counts.set(date, (counts.get(date) ?? 0) + 1)
    }
    return Array.from({ length: days }, (_, index) => {
      const day = today.plus({ days: index })
      return { label: day.toFormat('ccc d LLL'), value: counts.get(day.toISODate()!) ?? 0 }
    })
  }
}
