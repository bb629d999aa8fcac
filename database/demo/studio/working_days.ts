import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import BlackoutDate from '#models/blackout_date'
import PhotographerWorkingDay from '#models/photographer_working_day'

/**
 * Who works when: Piper leads Tuesday to Saturday, Rex takes the long evenings and
 * Sunday, Juno the weekends and Monday afternoons; every day has someone.
 */
const WEEKS: Record<string, { weekday: number; startsAt?: string; endsAt?: string }[]> = {
  'photographer@loupe.test': [2, 3, 4, 5, 6].map((weekday) => ({ weekday })),
  'photographer2@loupe.test': [{ weekday: 1 }, { weekday: 3 }, { weekday: 4, startsAt: '12:00', endsAt: '20:00' }, { weekday: 5, startsAt: '12:00', endsAt: '20:00' }, { weekday: 7 }],
  'photographer3@loupe.test': [{ weekday: 1, startsAt: '12:00', endsAt: '18:00' }, { weekday: 2 }, { weekday: 6 }, { weekday: 7 }],
}

/** Days off of one photographer, relative to today. */
const DAYS_OFF = [
  { email: 'photographer2@loupe.test', days: 6, reason: 'Festival shoot (on the road)' },
  { email: 'photographer3@loupe.test', days: 15, reason: 'Darkroom workshop' },
  { email: 'photographer@loupe.test', days: 23, reason: 'Holiday' },
]

export async function seedWorkingDays(client: QueryClientContract) {
  for (const [email, week] of Object.entries(WEEKS)) {
    const photographer = await User.query({ client }).where('email', email).first()
    if (!photographer) continue
    if (await PhotographerWorkingDay.query({ client }).where('user_id', photographer.id).first()) continue
    for (const day of week) {
      await PhotographerWorkingDay.create(
        { userId: photographer.id, weekday: day.weekday, startsAt: day.startsAt ?? null, endsAt: day.endsAt ?? null },
        { client }
      )
    }
  }
}

export async function seedPhotographerBlackouts(client: QueryClientContract) {
  const today = DateTime.now().startOf('day')
  for (const dayOff of DAYS_OFF) {
    const photographer = await User.query({ client }).where('email', dayOff.email).first()
    if (!photographer) continue
    const taken = await BlackoutDate.query({ client }).where('photographer_id', photographer.id).where('reason', dayOff.reason).first()
    if (!taken) {
      await BlackoutDate.create({ date: today.plus({ days: dayOff.days }), reason: dayOff.reason, photographerId: photographer.id }, { client })
    }
  }
}
