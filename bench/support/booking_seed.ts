/*
| The booking bench's studio, written into the bench's PostgreSQL database: weekly hours
| (09:00–18:00, two sets), three photographers with their weeks, one 60-minute package,
| 300 families and `sessions` photo sessions over the year around the measured month (past
| ones completed or missed, coming ones booked or confirmed, some cancelled), inserted in
| batches: the bench measures reading them, not writing them.
*/
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { bootApp } from './app.js'

export interface SeededStudio {
  packageSlug: string
  month: string
  date: string
  sessions: number
}

const ZONE = 'America/New_York'

export async function seedBookingStudio(sessionCount: number): Promise<SeededStudio> {
  const app = await bootApp()
  try {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { default: StudioSetting } = await import('#models/studio_setting')
    const { PackageFactory } = await import('#database/factories/package_factory')
    const { UserFactory } = await import('#database/factories/user_factory')
    const settings = await StudioSetting.current()
    settings.merge({ timezone: ZONE, slotMinutes: 15, bookingMinNoticeHours: 24, bookingHorizonDays: 120, bufferAfterMinutes: 15 })
    await settings.save()
    const now = DateTime.now().toUTC().toISO()
    const stamp = { created_at: now, updated_at: now }

    await db.table('business_hours').multiInsert(
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ id: randomUUID(), weekday, opens_at: '09:00', closes_at: '18:00', capacity: 2, ...stamp }))
    )
    const photographers = await UserFactory.apply('photographer').createMany(3)
    const weeks = [[1, 2, 3, 4, 5], [3, 4, 5, 6, 7], [1, 2, 6, 7]]
    await db.table('photographer_working_days').multiInsert(
      photographers.flatMap((p, i) => weeks[i].map((weekday) => ({ id: randomUUID(), user_id: p.id, weekday, ...stamp })))
    )
    const pkg = await PackageFactory.merge({ slug: 'bench-rockstar', name: 'Bench Rockstar', durationMinutes: 60, active: true }).create()
    const families = await UserFactory.createMany(300)

    const month = DateTime.now().setZone(ZONE).plus({ months: 1 }).startOf('month')
    const first = month.minus({ months: 9 })
    const days = Math.round(month.endOf('month').diff(first, 'days').days)
    const perDay = Math.ceil(sessionCount / days)
    const today = DateTime.now().setZone(ZONE).startOf('day')
    const rows = []
    for (let n = 0; n < sessionCount; n++) {
      const day = first.plus({ days: n % days })
      const k = Math.floor(n / days) % perDay
      const startsAt = day.set({ hour: 9 + Math.floor(k / 2) % 8, minute: (k % 4) * 15 })
      const past = startsAt < today
      const status = n % 17 === 0 ? 'cancelled' : past ? (n % 11 === 0 ? 'no_show' : 'completed') : n % 3 === 0 ? 'booked' : 'confirmed'
      rows.push({
        id: randomUUID(),
        session_number: `S-BENCH-${String(n).padStart(6, '0')}`,
        user_id: families[n % families.length].id,
        package_id: pkg.id,
        photographer_id: photographers[(n + k) % 3].id,
        set_number: (k % 2) + 1,
        starts_at: startsAt.toUTC().toISO(),
        estimated_duration: 60,
        status,
        total_amount: pkg.basePrice,
        deposit_amount: Math.round(pkg.basePrice / 4),
        balance_due: past ? 0 : pkg.basePrice,
        currency: 'USD',
        check_in_token: randomUUID().replace(/-/g, ''),
        ...stamp,
      })
    }
    for (let i = 0; i < rows.length; i += 500) await db.table('photo_sessions').multiInsert(rows.slice(i, i + 500))
    return { packageSlug: pkg.slug, month: month.toFormat('yyyy-MM'), date: month.plus({ days: 14 }).toISODate()!, sessions: rows.length }
  } finally {
    await app.terminate()
  }
}
