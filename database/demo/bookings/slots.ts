import { DateTime } from 'luxon'
import { Availability, type Blackout, type BookedSession, type OpeningInterval, type PhotographerSchedule } from '#booking/availability'

export interface PlannerStudio {
  zone: string
  slotMinutes: number
  bufferBeforeMinutes: number
  bufferAfterMinutes: number
  hours: OpeningInterval[]
  photographers: PhotographerSchedule[]
  blackouts: Blackout[]
}

/**
 * Places demo sessions the way the booking rules would have: inside the hours, on the
 * slot grid, within capacity, with a photographer who works that day and is free. Past
 * days count as bookable (the demo's history was booked back then).
 */
export class DemoSlotPlanner {
  private booked: BookedSession[] = []

  constructor(private studio: PlannerStudio) {}

  /** Sessions already in the database (a rerun of the seeder). */
  remember(session: BookedSession) {
    this.booked.push(session)
  }

  /** A free start on `day` or the days after it; `slot` and `photographerIndex` pick among the free ones. */
  place(day: DateTime, durationMinutes: number, slot: number, photographerIndex: number, direction: 1 | -1 = 1) {
    const availability = new Availability({
      rules: {
        timezone: this.studio.zone,
        slotMinutes: this.studio.slotMinutes,
        bufferBeforeMinutes: this.studio.bufferBeforeMinutes,
        bufferAfterMinutes: this.studio.bufferAfterMinutes,
        minNoticeHours: 0,
        horizonDays: 100_000,
        maxSessionsPerDay: null,
      },
      hours: this.studio.hours,
      photographers: this.studio.photographers,
      blackouts: this.studio.blackouts,
      sessions: this.booked,
      now: DateTime.fromISO('2000-01-01', { zone: this.studio.zone }),
    })
    for (let shift = 0; shift < 14; shift++) {
      const date = day.plus({ days: shift * direction }).toISODate()!
      const openings = availability.openings(date, durationMinutes)
      if (!openings.length) continue
      const opening = openings[slot % openings.length]
      const ids = opening.photographerIds
      return {
        startsAt: opening.startsAt,
        photographerId: ids.length ? ids[photographerIndex % ids.length] : null,
        setNumber: opening.setNumber,
        blocked: availability.blockedOf(opening.startsAt, durationMinutes),
      }
    }
    return null
  }

  hold(session: BookedSession) {
    this.booked.push(session)
  }
}
