import { DateTime } from 'luxon'
import { column, scope } from '@adonisjs/lucid/orm'
import AppModel from '#models/app_model'

/**
 * One opening interval of the weekly schedule (a weekday may have several), with how
 * many sessions can run in parallel. Times are "HH:MM" in the studio's timezone.
 */
export default class BusinessHour extends AppModel {
  /** ISO weekday, 1 = Monday … 7 = Sunday (Luxon's `DateTime.weekday`). */
  @column()
  declare weekday: number

  @column()
  declare opensAt: string

  @column()
  declare closesAt: string

  @column()
  declare capacity: number

  static onWeekday = scope((query, weekday: number) => {
    query.where('weekday', weekday).orderBy('opens_at')
  })

  static ordered = scope((query) => {
    query.orderBy('weekday').orderBy('opens_at')
  })

  get durationMinutes() {
    return toMinutes(this.closesAt) - toMinutes(this.opensAt)
  }

  /** Opening and closing instants of this interval on the given day. */
  intervalOn(day: DateTime) {
    const start = day.startOf('day')
    return {
      opens: start.plus({ minutes: toMinutes(this.opensAt) }),
      closes: start.plus({ minutes: toMinutes(this.closesAt) }),
    }
  }
}

function toMinutes(hhmm: string) {
  const [hours, minutes] = hhmm.split(':').map(Number)
  return hours * 60 + minutes
}
