import { DateTime } from 'luxon'
import { minutesOf } from '#booking/wall_clock'

/**
 * The studio calendar's layout: day (a column per photographer), week (a column per day)
 * and month (a grid of days), in the studio's timezone, as grid positions the stylesheet
 * draws (classes, no inline styles: the CSP forbids them). Pure: sessions in, cells out.
 */

export type CalendarView = 'day' | 'week' | 'month'

export interface CalendarSession {
  id: string
  number: string
  startsAt: DateTime
  durationMinutes: number
  status: string
  title: string
  family: string
  photographerId: string | null
  setNumber: number | null
  /** Its payment plan failed (photo_sessions.payment_flagged_at): shown with a flag. */
  paymentFlagged?: boolean
}

export interface CalendarInput {
  view: CalendarView
  date: string
  zone: string
  sessions: CalendarSession[]
  hours: { weekday: number; opensAt: string; closesAt: string }[]
  photographers: { id: string; name: string }[]
}

/** Rows are 15 minutes; lanes split a column when sessions overlap (at most 4). */
export const ROW_MINUTES = 15
const MAX_LANES = 4

export function rangeOf(view: CalendarView, date: string, zone: string) {
  const day = DateTime.fromISO(date, { zone })
  if (view === 'day') return { from: day.startOf('day'), to: day.endOf('day') }
  if (view === 'week') return { from: day.startOf('week'), to: day.endOf('week') }
  return { from: day.startOf('month').startOf('week'), to: day.endOf('month').endOf('week') }
}

export function buildCalendar(input: CalendarInput) {
  const { view, zone } = input
  const day = DateTime.fromISO(input.date, { zone })
  const step = { day: { days: 1 }, week: { weeks: 1 }, month: { months: 1 } }[view]
  const nav = {
    previous: day.minus(step).toISODate()!,
    next: day.plus(step).toISODate()!,
    today: DateTime.now().setZone(zone).toISODate()!,
    label:
      view === 'day'
        ? day.toFormat('cccc d LLLL yyyy')
        : view === 'week'
          ? `${day.startOf('week').toFormat('d LLL')} – ${day.endOf('week').toFormat('d LLL yyyy')}`
          : day.toFormat('LLLL yyyy'),
  }
  if (view === 'month') return { view, nav, month: monthGrid(input, day) }
  return { view, nav, grid: timeGrid(input, day) }
}

function timeGrid(input: CalendarInput, day: DateTime) {
  const zone = input.zone
  const days = input.view === 'week' ? Array.from({ length: 7 }, (_, i) => day.startOf('week').plus({ days: i })) : [day.startOf('day')]
  const weekdays = new Set(days.map((d) => d.weekday))
  const open = input.hours.filter((h) => weekdays.has(h.weekday))
  const sessionMinutes = input.sessions.map((s) => {
    const start = s.startsAt.setZone(zone)
    return [start.hour * 60 + start.minute, start.hour * 60 + start.minute + s.durationMinutes]
  })
  const first = Math.min(8 * 60, ...open.map((h) => minutesOf(h.opensAt)), ...sessionMinutes.map(([from]) => from))
  const last = Math.max(18 * 60, ...open.map((h) => minutesOf(h.closesAt)), ...sessionMinutes.map(([, to]) => to))
  const startMinute = Math.floor(first / 60) * 60
  const rows = Math.min(96, Math.ceil((Math.min(last, 24 * 60) - startMinute) / ROW_MINUTES))

  // Columns: each day (week view) or each photographer plus "unassigned" (day view).
  const columns =
    input.view === 'week'
      ? days.map((d) => ({ key: d.toISODate()!, label: d.toFormat('ccc d'), date: d, photographerId: undefined as string | null | undefined }))
      : [
          ...input.photographers.map((p) => ({ key: p.id, label: p.name, date: day, photographerId: p.id as string | null })),
          { key: 'none', label: input.photographers.length ? 'Unassigned' : 'Sessions', date: day, photographerId: null },
        ]
  const inColumn = (session: CalendarSession, column: (typeof columns)[number]) =>
    session.startsAt.setZone(zone).toISODate() === column.date.toISODate() &&
    (column.photographerId === undefined || (session.photographerId ?? null) === column.photographerId)

  const placed = columns.map((column) => lanesOf(input.sessions.filter((s) => inColumn(s, column))))
  const lanes = Math.max(1, Math.min(MAX_LANES, Math.max(0, ...placed.map((p) => p.lanes))))
  const blocks = columns.flatMap((_column, index) =>
    placed[index].sessions.map(({ session, lane }) => {
      const start = session.startsAt.setZone(zone)
      const offset = Math.max(0, Math.round((start.hour * 60 + start.minute - startMinute) / ROW_MINUTES))
      const wide = placed[index].lanes <= 1
      return {
        session,
        column: 2 + index * lanes + (wide ? 0 : Math.min(lane, lanes - 1)),
        columnSpan: wide ? lanes : 1,
        row: 2 + offset,
        rowSpan: Math.max(1, Math.min(rows - offset, Math.round(session.durationMinutes / ROW_MINUTES))),
        time: start.toFormat('h:mm'),
      }
    })
  )
  const cells = columns.flatMap((column, index) =>
    Array.from({ length: rows }, (_, row) => {
      const minute = startMinute + row * ROW_MINUTES
      const startsAt = column.date.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 })
      return {
        column: 2 + index * lanes,
        columnSpan: lanes,
        row: 2 + row,
        startsAt: startsAt.toISO({ suppressMilliseconds: true })!,
        photographerId: column.photographerId ?? '',
        label: `${column.label} ${startsAt.toFormat('h:mm a')}`,
      }
    })
  )
  const times = Array.from({ length: Math.ceil(rows / 4) }, (_, i) => ({
    row: 2 + i * 4,
    label: DateTime.fromObject({ hour: Math.floor(startMinute / 60) + i }).toFormat('h a'),
  }))
  return { columns: columns.map((c, i) => ({ label: c.label, key: c.key, column: 2 + i * lanes, span: lanes })), lanes, rows, blocks, cells, times }
}

/** Greedy interval partitioning: each session takes the first lane free at its start. */
function lanesOf(sessions: CalendarSession[]) {
  const sorted = [...sessions].sort((a, b) => a.startsAt.toMillis() - b.startsAt.toMillis())
  const ends: number[] = []
  const placed = sorted.map((session) => {
    const start = session.startsAt.toMillis()
    let lane = ends.findIndex((end) => end <= start)
    if (lane === -1) lane = ends.length
    ends[lane] = start + session.durationMinutes * 60_000
    return { session, lane }
  })
  return { sessions: placed, lanes: ends.length }
}

function monthGrid(input: CalendarInput, day: DateTime) {
  const zone = input.zone
  const start = day.startOf('month').startOf('week')
  const end = day.endOf('month').endOf('week')
  const byDate = new Map<string, CalendarSession[]>()
  for (const session of [...input.sessions].sort((a, b) => a.startsAt.toMillis() - b.startsAt.toMillis())) {
    const key = session.startsAt.setZone(zone).toISODate()!
    byDate.set(key, [...(byDate.get(key) ?? []), session])
  }
  const weeks = []
  for (let cursor = start; cursor <= end; cursor = cursor.plus({ weeks: 1 })) {
    weeks.push(
      Array.from({ length: 7 }, (_, i) => {
        const date = cursor.plus({ days: i })
        const sessions = byDate.get(date.toISODate()!) ?? []
        return {
          date: date.toISODate()!,
          day: date.day,
          inMonth: date.month === day.month,
          today: date.toISODate() === DateTime.now().setZone(zone).toISODate(),
          shown: sessions.slice(0, 4).map((s) => ({ session: s, time: s.startsAt.setZone(zone).toFormat('h:mm a') })),
          more: Math.max(0, sessions.length - 4),
        }
      })
    )
  }
  return { weeks }
}
