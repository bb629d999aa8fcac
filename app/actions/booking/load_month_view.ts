import { DateTime } from 'luxon'
import type { CheckOptions } from '#booking/availability'
import { monthView, type MonthView } from '#booking/month_view'
import LoadAvailability from '#actions/booking/load_availability'
import LoadStudioSchedule, { type StudioSchedule } from '#actions/booking/load_studio_schedule'

export interface MonthViewInput {
  durationMinutes: number
  month?: string
  date?: string
  options?: CheckOptions
}

interface Remembered {
  schedule: StudioSchedule
  fingerprint: string
  view: MonthView
}

/** Computed calendars, per process; at most this many (the oldest go first). */
const LIMIT = 500
const remembered = new Map<string, Remembered>()

/**
 * The month calendar and a day's free times, the busiest page of booking. A calendar
 * computed once is kept while nothing it depends on changed: the same studio schedule,
 * the same minute (notice and "past" move with the clock), and the same sessions in the
 * range, which one single-row query checks (how many hold a slot, and their last change:
 * every booking, move, cancellation or status change updates a session's updated_at). So
 * the page never shows a stale calendar, and reads hundreds of sessions only when one of
 * them changed. Cold: the schedule (5 queries) and the sessions (1); warm: 1 query.
 */
export default class LoadMonthView {
  static async handle(input: MonthViewInput): Promise<MonthView> {
    const schedule = await LoadStudioSchedule.handle()
    const zone = schedule.settings.timezone
    const range = monthRange(input.month ?? input.date?.slice(0, 7), zone)
    const minute = Math.floor(Date.now() / 60_000)
    const key = [input.durationMinutes, range.from, input.date ?? '', input.options?.photographerId ?? '', input.options?.ignoreSessionId ?? '', minute].join('|')

    const known = remembered.get(key)
    if (known && known.schedule === schedule && known.fingerprint === (await LoadAvailability.fingerprint({ ...range, timezone: zone }))) {
      return known.view
    }
    const withIds = !!input.options?.ignoreSessionId
    const { availability, fingerprint } = await LoadAvailability.withFingerprint({ ...range, withIds })
    const view = monthView(availability, input.durationMinutes, { month: input.month, date: input.date }, input.options)
    if (remembered.size >= LIMIT) remembered.delete(remembered.keys().next().value!)
    remembered.set(key, { schedule, fingerprint, view })
    return view
  }
}

/** The days a month view needs: the month asked for (or the current one). */
export function monthRange(month: string | undefined, zone: string) {
  const first = month ? DateTime.fromISO(`${month}-01`, { zone }) : DateTime.now().setZone(zone).startOf('month')
  const start = first.isValid ? first : DateTime.now().setZone(zone).startOf('month')
  return { from: start.toISODate()!, to: start.endOf('month').toISODate()! }
}
