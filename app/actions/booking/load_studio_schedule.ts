import { DateTime } from 'luxon'
import env from '#start/env'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import StudioSetting from '#models/studio_setting'
import Package from '#models/package'
import type { Blackout, OpeningInterval, PhotographerSchedule } from '#booking/availability'
import { fromDbDate } from '#support/db/db_time'

export interface StudioSchedule {
  settings: StudioSetting
  hours: OpeningInterval[]
  photographers: PhotographerSchedule[]
  /** From a week ago on (bookings never look further back). */
  blackouts: Blackout[]
  /** Active packages by slug. */
  packages: Map<string, Package>
}


let cached: { at: number; schedule: Promise<StudioSchedule> } | null = null

/**
 * What availability is computed from besides the sessions: settings, hours, photographers'
 * weeks, blackouts and the bookable packages. They change a few times a year, while every
 * calendar page needs them: pages share one copy per process for a few seconds (the
 * actions that change them forget it at once; other processes catch up within the TTL).
 * Writes (a booking, a move) read it afresh inside their transaction.
 */
export default class LoadStudioSchedule {
  /** How long a process reuses the schedule for pages (0 = always read it; tests set 0). */
  static ttlMs = env.get('AVAILABILITY_CACHE_SECONDS', 5) * 1000

  static async handle(client?: QueryClientContract): Promise<StudioSchedule> {
    if (client || this.ttlMs <= 0) return read(client ?? db.connection())
    if (!cached || Date.now() - cached.at > this.ttlMs) {
      const schedule = read(db.connection())
      cached = { at: Date.now(), schedule }
      schedule.catch(() => (cached = null))
    }
    return cached.schedule
  }

  /** After a change to settings, hours, weeks, blackouts or packages. */
  static forget() {
    cached = null
  }
}

async function read(client: QueryClientContract): Promise<StudioSchedule> {
  const since = DateTime.now().minus({ days: 7 }).toISODate()!
  const [settings, hours, days, blackouts, packages] = await Promise.all([
    StudioSetting.current({ client }),
    client.from('business_hours').select('weekday', 'opens_at', 'closes_at', 'capacity'),
    client
      .from('photographer_working_days as w')
      .join('users as u', 'u.id', 'w.user_id')
      .leftJoin('photographer_profiles as p', 'p.user_id', 'u.id')
      .where('u.role', 'photographer')
      .whereNull('u.deactivated_at')
      .whereNull('u.deleted_at')
      .select('w.user_id', 'w.weekday', 'w.starts_at', 'w.ends_at', 'u.first_name', 'u.last_name', 'p.display_name')
      .orderBy('u.first_name')
      .orderBy('u.id'),
    client.from('blackout_dates').where('date', '>=', since).select('date', 'photographer_id', 'reason'),
    Package.query({ client }).where('active', true),
  ])
  return {
    settings,
    hours: hours.map((h) => ({ weekday: Number(h.weekday), opensAt: h.opens_at, closesAt: h.closes_at, capacity: Number(h.capacity) })),
    photographers: schedulesOf(days),
    blackouts: blackouts.map((b) => ({ date: fromDbDate(b.date), photographerId: b.photographer_id, reason: b.reason })),
    packages: new Map(packages.map((pkg) => [pkg.slug, pkg])),
  }
}

function schedulesOf(rows: any[]): PhotographerSchedule[] {
  const byId = new Map<string, PhotographerSchedule>()
  for (const row of rows) {
    const name = row.display_name || [row.first_name, row.last_name].filter(Boolean).join(' ')
    const schedule: PhotographerSchedule = byId.get(row.user_id) ?? { id: row.user_id, name, days: [] }
    schedule.days.push({ weekday: Number(row.weekday), startsAt: row.starts_at, endsAt: row.ends_at })
    byId.set(row.user_id, schedule)
  }
  return [...byId.values()]
}
