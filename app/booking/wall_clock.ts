import { DateTime } from 'luxon'

/** "09:30" → 570. */
export function minutesOf(hhmm: string) {
  const [hours, minutes] = hhmm.split(':').map(Number)
  return hours * 60 + minutes
}

/** 570 → "09:30". */
export function hhmmOf(minutes: number) {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/**
 * The instant a wall clock shows `minutes` after midnight on `date` in `zone`, or null
 * when that wall-clock time does not exist that day (the hour skipped when clocks spring
 * forward). Built from the calendar fields, never by adding minutes to midnight, so a
 * 10:00 slot stays at 10:00 on the days clocks change. 1440 is the next midnight.
 */
export function atWallClock(date: string, minutes: number, zone: string): DateTime | null {
  const day = DateTime.fromISO(date, { zone })
  if (minutes >= 1440) return day.plus({ days: 1 }).startOf('day')
  const at = day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 })
  return at.hour * 60 + at.minute === minutes ? at : null
}

/** Calendar dates from `from` to `to` inclusive, as ISO strings. */
export function datesBetween(from: string, to: string) {
  const dates: string[] = []
  let day = DateTime.fromISO(from, { zone: 'UTC' })
  const last = DateTime.fromISO(to, { zone: 'UTC' })
  while (day <= last) {
    dates.push(day.toISODate()!)
    day = day.plus({ days: 1 })
  }
  return dates
}
