import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import StudioSetting from '#models/studio_setting'
import BusinessHour from '#models/business_hour'
import BlackoutDate from '#models/blackout_date'

/** Open every day (so "today" always has sessions in the demo), busiest at weekends. */
export const DEMO_HOURS = [
  { weekday: 1, opensAt: '12:00', closesAt: '18:00', capacity: 1 },
  { weekday: 2, opensAt: '10:00', closesAt: '18:00', capacity: 2 },
  { weekday: 3, opensAt: '10:00', closesAt: '18:00', capacity: 2 },
  { weekday: 4, opensAt: '10:00', closesAt: '20:00', capacity: 2 },
  { weekday: 5, opensAt: '10:00', closesAt: '20:00', capacity: 2 },
  { weekday: 6, opensAt: '09:00', closesAt: '13:00', capacity: 3 },
  { weekday: 6, opensAt: '14:00', closesAt: '18:00', capacity: 3 },
  { weekday: 7, opensAt: '11:00', closesAt: '16:00', capacity: 1 },
]

/** Whole days off, relative to today; the reason is the natural key. */
const BLACKOUTS = [
  { days: -12, reason: 'Photographer workshop' },
  { days: 19, reason: 'Staff training day' },
  { days: 40, reason: 'Studio maintenance: new backdrops' },
  { days: 66, reason: 'Public holiday' },
]

export async function seedSettings(client: QueryClientContract) {
  if (await StudioSetting.query({ client }).first()) return
  await StudioSetting.create(
    {
      singleton: true,
      name: 'Loupe Studio',
      email: 'hello@loupe.test',
      phone: '(512) 555-0142',
      address: '214 Amplifier Alley\nAustin, TX 78701',
      timezone: 'America/Chicago',
      currency: 'USD',
      taxRateBps: 825,
      depositPercent: 25,
      cancellationWindowHours: 48,
      freeTransformations: 5,
      watermarkText: 'LOUPE · PROOF',
      galleryDefaultDays: 30,
      galleryReminderDays: 7,
      sessionReminderHours: 48,
      slotMinutes: 30,
      bookingMinNoticeHours: 24,
      bookingHorizonDays: 90,
      paymentRetryDays: 3,
      maxPaymentAttempts: 3,
    },
    { client }
  )
}

export async function seedHours(client: QueryClientContract) {
  for (const hour of DEMO_HOURS) {
    await BusinessHour.firstOrCreate({ weekday: hour.weekday, opensAt: hour.opensAt }, hour, { client })
  }
}

export async function seedBlackouts(client: QueryClientContract) {
  const today = DateTime.now().startOf('day')
  for (const blackout of BLACKOUTS) {
    const date = today.plus({ days: blackout.days })
    const taken = await BlackoutDate.query({ client })
      .where('reason', blackout.reason)
      .orWhere('date', date.toISODate()!)
      .first()
    if (!taken) await BlackoutDate.create({ date, reason: blackout.reason }, { client })
  }
}
