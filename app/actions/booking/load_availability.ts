import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type StudioSetting from '#models/studio_setting'
import { OPEN_SESSION_STATUSES } from '#models/photo_session'
import { Availability, type BookingRules } from '#booking/availability'
import LoadStudioSchedule from '#actions/booking/load_studio_schedule'
import { epochMillisColumn, millisOf } from '#support/db/db_time'

export interface LoadAvailabilityOptions {
  /** First and last studio dates the caller will ask about. */
  from: string
  to: string
  /** A transaction (a booking, a move): everything is read afresh through it. */
  client?: QueryClientContract
  now?: DateTime
  /** Rules to apply instead of the stored ones (the booking passes the settings it read). */
  settings?: StudioSetting
  /** Session ids are only needed to leave a session being moved out of its own way. */
  withIds?: boolean
}

/** The studio's booking rules as the availability module reads them. */
export function rulesOf(settings: StudioSetting): BookingRules {
  return {
    timezone: settings.timezone,
    slotMinutes: settings.slotMinutes,
    bufferBeforeMinutes: settings.bufferBeforeMinutes,
    bufferAfterMinutes: settings.bufferAfterMinutes,
    minNoticeHours: settings.bookingMinNoticeHours,
    horizonDays: settings.bookingHorizonDays,
    maxSessionsPerDay: settings.maxSessionsPerDay,
  }
}

/**
 * Availability for a range of days: the studio's schedule (shared by pages for a few
 * seconds, read afresh in a transaction) and the sessions that hold a slot in the range,
 * read raw in one query whatever their number (hundreds a month need no models).
 */
export default class LoadAvailability {
  static async handle(options: LoadAvailabilityOptions) {
    return (await this.withFingerprint(options)).availability
  }

  /**
   * The same, with the fingerprint of the sessions read (how many, last changed): when
   * `fingerprint()` still gives it, nothing that holds a slot in the range has changed.
   */
  static async withFingerprint(options: LoadAvailabilityOptions) {
    const client = options.client ?? db.connection()
    const schedule = await LoadStudioSchedule.handle(options.client)
    const settings = options.settings ?? schedule.settings
    const sessions = await holding(client, options, settings.timezone)
      .select(options.withIds === false ? [] : ['id'])
      .select('estimated_duration', 'photographer_id', 'set_number', 'updated_at')
      .select(client.raw(epochMillisColumn(client, 'starts_at', 'starts_ms')))
    let lastChange = ''
    let starts = 0
    for (const row of sessions) {
      if (stamp(row.updated_at) > lastChange) lastChange = stamp(row.updated_at)
      starts += Math.floor(millisOf(row.starts_ms) / 1000)
    }

    const availability = new Availability({
      rules: rulesOf(settings),
      hours: schedule.hours,
      photographers: schedule.photographers,
      blackouts: schedule.blackouts,
      sessions: sessions.map((s) => ({
        id: s.id ?? '',
        startsAt: millisOf(s.starts_ms),
        durationMinutes: Number(s.estimated_duration),
        photographerId: s.photographer_id,
        setNumber: s.set_number === null ? null : Number(s.set_number),
      })),
      now: options.now ?? DateTime.now(),
    })
    return { availability, fingerprint: `${sessions.length}/${lastChange}/${starts}` }
  }

  /**
   * One row, whatever the number of sessions: how many, their last change, and the sum of
   * their start times in seconds (a move inside the same second still changes it).
   */
  static async fingerprint(options: LoadAvailabilityOptions & { timezone: string }) {
    const client = options.client ?? db.connection()
    const seconds = client.dialect.name === 'postgres' ? 'floor(extract(epoch from starts_at))' : "cast(strftime('%s', starts_at) as integer)"
    const row = await holding(client, options, options.timezone)
      .count('* as total')
      .max('updated_at as last')
      .select(client.raw(`coalesce(sum(${seconds}), 0) as starts`))
      .first()
    return `${Number(row?.total ?? 0)}/${row?.last ? stamp(row.last) : ''}/${Number(row?.starts ?? 0)}`
  }
}

/** Sessions holding a slot that start in the range, a day either side (buffers cross midnight). */
function holding(client: QueryClientContract, options: LoadAvailabilityOptions, zone: string) {
  const from = DateTime.fromISO(options.from, { zone }).minus({ days: 1 })
  const to = DateTime.fromISO(options.to, { zone }).plus({ days: 2 })
  const format = client.dialect.dateTimeFormat
  return client
    .from('photo_sessions')
    .whereIn('status', [...OPEN_SESSION_STATUSES])
    .where('starts_at', '>=', from.toLocal().toFormat(format))
    .where('starts_at', '<', to.toLocal().toFormat(format))
}

/** A timestamp as comparable text, whichever form the driver gives it in. */
function stamp(value: unknown) {
  return value instanceof Date ? value.toISOString() : String(value)
}
