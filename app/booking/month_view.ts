import { DateTime } from 'luxon'
import type { Availability, CheckOptions, DayStatus } from '#booking/availability'
import { ZoneClock } from '#booking/zone_clock'

export interface MonthCell {
  date: string
  day: number
  inMonth: boolean
  status: DayStatus
  free: number
  selected: boolean
}

export interface SlotChoice {
  /** ISO with the studio's offset: what the form posts back. */
  value: string
  /** The same, for a query string. */
  query: string
  label: string
  photographers: { id: string; name: string }[]
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/**
 * The month calendar (weeks from Monday, days greyed by status) and the chosen day's
 * free times, as the booking step, the package page and the reschedule page show them.
 * Works on date strings (no timezone arithmetic per cell: it is on every booking page).
 */
export function monthView(
  availability: Availability,
  durationMinutes: number,
  input: { month?: string; date?: string },
  options: CheckOptions = {}
) {
  const clock = new ZoneClock(availability.zone)
  const asked = input.month ?? input.date?.slice(0, 7)
  const month = asked && MONTH.test(asked) ? asked : availability.today.slice(0, 7)
  const first = `${month}-01`
  const days = new Map(availability.month(month, durationMinutes, options, true).map((d) => [d.date, d]))
  const selected = input.date && days.get(input.date)?.status === 'open' ? input.date : firstOpen(days)

  const lastOfMonth = clock.addDays(first, days.size - 1)
  const end = clock.addDays(lastOfMonth, 7 - clock.weekdayOf(lastOfMonth))
  const weeks: MonthCell[][] = []
  for (let date = clock.addDays(first, 1 - clock.weekdayOf(first)); date <= end; ) {
    const week: MonthCell[] = []
    for (let i = 0; i < 7; i++, date = clock.addDays(date, 1)) {
      const day = days.get(date)
      week.push({
        date,
        day: Number(date.slice(8)),
        inMonth: date.startsWith(month),
        status: day?.status ?? 'closed',
        free: day?.free ?? 0,
        selected: date === selected,
      })
    }
    weeks.push(week)
  }

  const names = new Map(availability.photographers.map((p) => [p.id, p.name]))
  const slots: SlotChoice[] = selected
    ? availability.openings(selected, durationMinutes, options).map((opening) => {
        const value = opening.startsAt.toISO({ suppressMilliseconds: true })!
        return {
          value,
          query: encodeURIComponent(value),
          label: opening.startsAt.toFormat('h:mm a'),
          photographers: opening.photographerIds.map((id) => ({ id, name: names.get(id) ?? 'Photographer' })),
        }
      })
    : []

  const calendar = DateTime.fromISO(first, { zone: 'utc' })
  const next = calendar.plus({ months: 1 }).toFormat('yyyy-MM')
  return {
    label: calendar.toFormat('LLLL yyyy'),
    month,
    previous: month > availability.today.slice(0, 7) ? calendar.minus({ months: 1 }).toFormat('yyyy-MM') : null,
    next: `${next}-01` <= availability.lastBookableDate ? next : null,
    weeks,
    selected,
    selectedLabel: selected ? DateTime.fromISO(selected, { zone: 'utc' }).toFormat('cccc, LLLL d') : null,
    slots,
    photographers: availability.photographers.map((p) => ({ id: p.id, name: p.name })),
    timezone: availability.zone,
  }
}

export type MonthView = ReturnType<typeof monthView>

function firstOpen(days: Map<string, { status: DayStatus }>) {
  for (const [date, day] of days) if (day.status === 'open') return date
  return null
}
