import { DateTime, FixedOffsetZone } from 'luxon'

const QUARTER_HOUR = 15 * 60_000
const DAY = 86_400_000

/**
 * Wall clock ↔ instant in one timezone, fast: the zone's offset is asked of Luxon (Intl)
 * once per quarter hour of time and remembered, since offsets only change on quarter
 * hours. Dates are ISO strings ("2026-03-08"), instants epoch milliseconds. Same answers
 * as Luxon across daylight-saving changes: a skipped wall-clock time has no instant, a
 * repeated one is its first occurrence.
 */
/** Offsets never change while the process runs: one memo per zone, shared by every clock. */
const MEMO = new Map<string, Map<number, number>>()
const MEMO_LIMIT = 500_000
/** Epoch day number ↔ "yyyy-MM-dd", both ways, shared too. */
const DATES = new Map<number, string>()
const DAYS = new Map<string, number>()

function dateOfDay(day: number) {
  let date = DATES.get(day)
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 10)
    DATES.set(day, date)
    DAYS.set(date, day)
  }
  return date
}

function dayOfDate(date: string) {
  let day = DAYS.get(date)
  if (day === undefined) {
    day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY)
    if (DATES.size < MEMO_LIMIT) dateOfDay(day)
  }
  return day
}

export class ZoneClock {
  private offsets: Map<number, number>

  constructor(readonly zone: string) {
    let memo = MEMO.get(zone)
    if (!memo || memo.size > MEMO_LIMIT) {
      memo = new Map()
      MEMO.set(zone, memo)
    }
    this.offsets = memo
  }

  /** Offset from UTC at an instant, in minutes. */
  offsetAt(ms: number) {
    const bucket = Math.floor(ms / QUARTER_HOUR)
    let offset = this.offsets.get(bucket)
    if (offset === undefined) {
      offset = DateTime.fromMillis(bucket * QUARTER_HOUR, { zone: this.zone }).offset
      this.offsets.set(bucket, offset)
    }
    return offset
  }

  /** The zone's calendar date at an instant. */
  dateOf(ms: number) {
    return dateOfDay(Math.floor((ms + this.offsetAt(ms) * 60_000) / DAY))
  }

  /** ISO weekday of a date: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
  weekdayOf(date: string) {
    return ((((dayOfDate(date) + 3) % 7) + 7) % 7) + 1
  }

  addDays(date: string, days: number) {
    return dateOfDay(dayOfDate(date) + days)
  }

  /** The instant the wall clock shows `minutes` after midnight on `date`, or null if it never does. */
  at(date: string, minutes: number): number | null {
    const wall = dayOfDate(date) * DAY + minutes * 60_000
    let ms = wall - this.offsetAt(wall) * 60_000
    ms = wall - this.offsetAt(ms) * 60_000
    return ms + this.offsetAt(ms) * 60_000 === wall ? ms : null
  }

  /** A DateTime showing the zone's wall clock (a fixed offset: no Intl lookup). */
  dateTime(ms: number) {
    return DateTime.fromMillis(ms, { zone: FixedOffsetZone.instance(this.offsetAt(ms)) })
  }
}
