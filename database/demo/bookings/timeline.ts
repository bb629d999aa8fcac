import { DateTime } from 'luxon'
import type { SessionStatus } from '#models/photo_session'
import type { BookingSpec } from '#database/demo/bookings/plan'

export type TimelineStep = { status: SessionStatus; at: DateTime; by: 'family' | 'staff' | 'kiosk' | 'photographer' }

/** The path a session took to its status, with when and by whom. */
export function timeline(spec: BookingSpec, startsAt: DateTime, bookedAt: DateTime, duration: number, now: DateTime) {
  const path: SessionStatus[] = ['booked']
  const confirms = !spec.skipsConfirmation || spec.status === 'confirmed'
  if (spec.status !== 'booked' && confirms) path.push('confirmed')
  if (['checked_in', 'in_progress', 'completed'].includes(spec.status)) path.push('checked_in')
  if (['in_progress', 'completed'].includes(spec.status)) path.push('in_progress')
  if (['completed', 'cancelled', 'no_show'].includes(spec.status)) path.push(spec.status)

  const confirmAt = DateTime.min(bookedAt.plus({ days: 1 }), startsAt.minus({ days: 1 }))
  const when: Record<SessionStatus, DateTime> = {
    booked: bookedAt,
    confirmed: confirmAt,
    checked_in: startsAt.minus({ minutes: 10 }),
    in_progress: startsAt,
    completed: startsAt.plus({ minutes: duration }),
    no_show: startsAt.plus({ minutes: 30 }),
    cancelled: startsAt.minus({ days: spec.cancelDaysBefore }),
  }
  const by: Record<SessionStatus, TimelineStep['by']> = {
    booked: 'family',
    confirmed: 'staff',
    checked_in: spec.kioskCheckIn ? 'kiosk' : 'staff',
    in_progress: 'photographer',
    completed: 'photographer',
    no_show: 'staff',
    cancelled: spec.refundDeposit ? 'family' : 'staff',
  }

  // Strictly increasing, and never after now (the last step moves back first).
  const times = path.map((status) => when[status])
  for (let i = 1; i < times.length; i++) times[i] = DateTime.max(times[i], times[i - 1].plus({ minutes: 1 }))
  for (let i = times.length - 1; i >= 0; i--) {
    const limit = i === times.length - 1 ? now : times[i + 1].minus({ minutes: 1 })
    times[i] = DateTime.min(times[i], limit)
  }
  return path.map((status, i): TimelineStep => ({ status, at: times[i], by: by[status] }))
}
