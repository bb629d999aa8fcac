import { DateTime } from 'luxon'
import type { SessionStatus } from '#models/photo_session'
import type { PlanType } from '#models/payment_plan'
import { DemoRandom } from '#database/demo/random'

export type PlanScenario = 'on_track' | 'due_today' | 'failing' | 'failed'

/** What one demo booking looks like; everything but the dates is the same on every run. */
export type BookingSpec = {
  key: string
  dayOffset: number
  slot: number
  status: SessionStatus
  familyIndex: number
  packageIndex: number
  photographerIndex: number
  childCount: number
  addOns: { description: string; amount: number }[]
  bookedDaysBefore: number
  skipsConfirmation: boolean
  kioskCheckIn: boolean
  plan: { type: Exclude<PlanType, 'full'>; scenario: PlanScenario } | null
  /** Which installment the scenario happens to (modulo the plan's count). */
  planAnchor: number
  failDays: number
  retryDueNow: boolean
  paysInStudio: boolean
  refundDeposit: boolean
  cancelDaysBefore: number
  cancellationReason: string
  specialRequests: string | null
  stylingRequests: string | null
}

const ADD_ONS = [
  { description: 'Extra outfit change', amount: 2_500 },
  { description: 'Rush editing (3 days)', amount: 4_000 },
  { description: 'Sibling add-on', amount: 3_500 },
  { description: 'Fog machine and light show', amount: 1_500 },
]
const CANCEL_REASONS = [
  'Child is ill',
  'Family rescheduled',
  'Travelling that week',
  'Booked the wrong package',
  'Weather: could not make the drive',
]
const REQUESTS = [
  'Please have the pink electric guitar ready',
  'Our son is shy at first: a slow start helps',
  'Would love a shot with the drum kit',
  'Grandma is joining to watch',
  'Can we bring our own band T-shirts?',
]
const STYLING = [
  'Mohawk with temporary colour',
  'Glitter eyeliner',
  'Leather jacket and studs',
  'Face paint lightning bolt',
]
/** Today's board: earliest first, from the shoot in progress to the last booking. */
const TODAY: SessionStatus[] = [
  'in_progress', 'checked_in', 'checked_in', 'confirmed', 'confirmed', 'booked', 'confirmed', 'booked',
]

/** Status mixes, cycled so every scale gets the same proportions: 75/12.5/12.5 and 40/50/10. */
const PAST: SessionStatus[] = [
  'completed', 'completed', 'completed', 'cancelled', 'completed', 'completed', 'no_show', 'completed',
]
const FUTURE: SessionStatus[] = [
  'booked', 'confirmed', 'booked', 'confirmed', 'confirmed', 'booked', 'cancelled', 'confirmed', 'booked', 'confirmed',
]

/** The demo bookings: `todayCount` today, about 55% over the past 90 days, the rest over the next 4 weeks. */
export function planBookings(scale: number): BookingSpec[] {
  const count = Math.round(120 * scale)
  const todayCount = Math.round(8 * scale)
  const pastCount = Math.round(count * 0.55)
  const specs = Array.from({ length: count }, (_, index): BookingSpec => {
    const random = new DemoRandom(`booking-${index}`)
    const when = index < todayCount ? 'today' : index < todayCount + pastCount ? 'past' : 'future'
    const dayOffset = when === 'today' ? 0 : when === 'past' ? -random.int(1, 90) : random.int(1, 28)
    const mix = { today: TODAY, past: PAST, future: FUTURE }[when]
    const status = mix[index % mix.length]
    return {
      key: `demo:booking:${String(index + 1).padStart(4, '0')}`,
      dayOffset,
      slot: when === 'today' ? index : random.int(0, 7),
      status,
      familyIndex: random.int(0, 10_000),
      packageIndex: random.int(0, 10_000),
      photographerIndex: random.int(0, 10_000),
      childCount: random.pick([1, 1, 1, 2, 2, 3]),
      addOns: ADD_ONS.filter(() => random.chance(0.2)),
      bookedDaysBefore: random.int(3, 45),
      skipsConfirmation: random.chance(0.15),
      kioskCheckIn: random.chance(0.6),
      plan: pickPlan(random, status),
      planAnchor: random.int(0, 3),
      failDays: random.int(1, 5),
      retryDueNow: random.chance(0.3),
      paysInStudio: random.chance(0.5),
      refundDeposit: random.chance(0.5),
      cancelDaysBefore: random.int(1, 10),
      cancellationReason: random.pick(CANCEL_REASONS),
      specialRequests: random.chance(0.35) ? random.pick(REQUESTS) : null,
      stylingRequests: random.chance(0.5) ? random.pick(STYLING) : null,
    }
  })
  return withDemoCustomer(specs, todayCount, pastCount)
}

/**
 * customer@loupe.test (family 0: emails sort before familyNN) always has a session on
 * today's board, a completed one for a gallery, and an upcoming one with an installment due today.
 */
function withDemoCustomer(specs: BookingSpec[], todayCount: number, pastCount: number) {
  const picks: [number, Partial<BookingSpec>][] = [
    [Math.min(3, todayCount - 1), {}],
    [todayCount, { status: 'completed', dayOffset: -9, plan: null }],
    [todayCount + pastCount, { status: 'confirmed', plan: { type: '3_pay', scenario: 'due_today' } }],
  ]
  for (const [index, override] of picks) {
    if (specs[index]) Object.assign(specs[index], { familyIndex: 0, ...override })
  }
  return specs
}

function pickPlan(random: DemoRandom, status: SessionStatus): BookingSpec['plan'] {
  if (status === 'cancelled' || status === 'no_show' || !random.chance(0.35)) return null
  const type = random.pick(['2_pay', '3_pay', '3_pay', '4_pay'] as const)
  const roll = random.next()
  const scenario: PlanScenario =
    roll < 0.4 ? 'on_track' : roll < 0.65 ? 'due_today' : roll < 0.88 ? 'failing' : 'failed'
  return { type, scenario }
}

/** Monday = 1 … Sunday = 7, as business_hours stores it. */
export type Hours = { weekday: number; opensAt: string; closesAt: string }[]

/** A start time inside the studio's opening hours of that day (slot picks which half hour). */
export function startTime(day: DateTime, slot: number, durationMinutes: number, hours: Hours) {
  const open = hours.filter((h) => h.weekday === day.weekday)
  const windows = open.length ? open : [{ opensAt: '10:00', closesAt: '17:00' }]
  const starts = windows.flatMap((w) => {
    const from = minutes(w.opensAt)
    const to = minutes(w.closesAt) - durationMinutes
    return Array.from({ length: Math.max(Math.floor((to - from) / 30) + 1, 1) }, (_, i) => from + i * 30)
  })
  const at = starts[slot % starts.length]
  return day.startOf('day').set({ hour: Math.floor(at / 60), minute: at % 60 })
}

function minutes(time: string) {
  const [h, m] = time.split(':').map(Number)
  return h * 60 + m
}
