import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { Availability, type AvailabilityInput, type BookedSession } from '#booking/availability'

const ZONE = 'America/New_York'

/** Every day 09:00–17:00 with one set, 30-minute grid, no notice, bookable 400 days ahead. */
function studio(overrides: Partial<Omit<AvailabilityInput, 'rules'>> & { rules?: Partial<AvailabilityInput['rules']> } = {}) {
  const { rules, ...rest } = overrides
  return new Availability({
    rules: {
      timezone: ZONE,
      slotMinutes: 30,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minNoticeHours: 0,
      horizonDays: 400,
      maxSessionsPerDay: null,
      ...rules,
    },
    hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '17:00', capacity: 1 })),
    photographers: [],
    blackouts: [],
    sessions: [],
    now: DateTime.fromISO('2026-01-05T08:00', { zone: ZONE }),
    ...rest,
  })
}

const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE })
const times = (availability: Availability, date: string, minutes = 60) =>
  availability.openings(date, minutes).map((o) => o.startsAt.setZone(ZONE).toFormat('HH:mm'))
let sessionCount = 0
const booked = (iso: string, minutes = 60, extra: Partial<BookedSession> = {}): BookedSession => ({
  id: `s${++sessionCount}`,
  startsAt: at(iso),
  durationMinutes: minutes,
  photographerId: null,
  setNumber: null,
  ...extra,
})

test.group('Availability: the slot grid', () => {
  test('start times follow the slot increment and the session must end by closing time', ({ assert }) => {
    const slots = times(studio(), '2026-01-06')
    assert.deepEqual(slots.slice(0, 3), ['09:00', '09:30', '10:00'])
    assert.equal(slots[slots.length - 1], '16:00')
    assert.lengthOf(slots, 15)
  })

  test('a 15-minute grid and split hours (lunch closed) on one weekday', ({ assert }) => {
    const availability = studio({
      rules: { slotMinutes: 15 },
      hours: [
        { weekday: 2, opensAt: '09:00', closesAt: '12:00', capacity: 1 },
        { weekday: 2, opensAt: '13:00', closesAt: '15:00', capacity: 1 },
      ],
    })
    const slots = times(availability, '2026-01-06')
    assert.includeMembers(slots, ['09:00', '09:15', '11:00', '13:00', '14:00'])
    assert.notIncludeMembers(slots, ['11:15', '12:00', '12:30', '14:15'])
    assert.equal(availability.dayStatus('2026-01-07', 60), 'closed')
  })
})

test.group('Availability: rules', () => {
  test('minimum notice hides the slots too soon; the past is past', ({ assert }) => {
    const availability = studio({ rules: { minNoticeHours: 26 }, now: at('2026-01-05T10:10') })
    assert.equal(availability.dayStatus('2026-01-04', 60), 'past')
    assert.equal(availability.dayStatus('2026-01-05', 60), 'past')
    assert.equal(times(availability, '2026-01-06')[0], '12:30')
    assert.deepEqual(availability.check(at('2026-01-06T12:00'), 60), { ok: false, reason: 'too_soon' })
    assert.deepEqual(availability.check(at('2026-01-05T09:00'), 60), { ok: false, reason: 'past' })
  })

  test('bookings open only so many days ahead', ({ assert }) => {
    const availability = studio({ rules: { horizonDays: 10 } })
    assert.equal(availability.dayStatus('2026-01-15', 60), 'open')
    assert.equal(availability.dayStatus('2026-01-16', 60), 'beyond')
    assert.deepEqual(availability.check(at('2026-01-16T10:00'), 60), { ok: false, reason: 'too_far' })
  })

  test('buffers keep time free before and after each session', ({ assert }) => {
    const availability = studio({
      rules: { bufferBeforeMinutes: 15, bufferAfterMinutes: 30 },
      sessions: [booked('2026-01-06T12:00')],
    })
    const slots = times(availability, '2026-01-06')
    // The session keeps 11:45–13:30. 10:30 would keep until 12:00 (60 + 30 after): blocked.
    // 13:30 would keep from 13:15 (15 before): blocked too; the next free start is 14:00.
    assert.include(slots, '10:00')
    assert.notIncludeMembers(slots, ['10:30', '11:00', '11:30', '12:00', '12:30', '13:00', '13:30'])
    assert.include(slots, '14:00')
    assert.deepEqual(availability.check(at('2026-01-06T13:30'), 60), { ok: false, reason: 'full' })
  })

  test('capacity: two sets run in parallel, a third family is refused', ({ assert }) => {
    const hours = [{ weekday: 2, opensAt: '09:00', closesAt: '17:00', capacity: 2 }]
    const one = studio({ hours, sessions: [booked('2026-01-06T10:00', 60, { setNumber: 1 })] })
    const second = one.check(at('2026-01-06T10:00'), 60)
    assert.isTrue(second.ok)
    assert.equal(second.ok && second.setNumber, 2)
    const two = studio({
      hours,
      sessions: [booked('2026-01-06T10:00', 60, { setNumber: 1 }), booked('2026-01-06T10:30', 60, { setNumber: 2 })],
    })
    assert.deepEqual(two.check(at('2026-01-06T10:00'), 60), { ok: false, reason: 'full' })
    assert.notInclude(times(two, '2026-01-06'), '10:00')
    assert.include(times(two, '2026-01-06'), '11:00')
  })

  test('the daily maximum closes a day once it has that many sessions', ({ assert }) => {
    const availability = studio({
      rules: { maxSessionsPerDay: 2 },
      sessions: [booked('2026-01-06T09:00'), booked('2026-01-06T15:00')],
    })
    assert.equal(availability.dayStatus('2026-01-06', 60), 'full')
    assert.deepEqual(availability.check(at('2026-01-06T12:00'), 60), { ok: false, reason: 'day_full' })
    assert.equal(availability.dayStatus('2026-01-07', 60), 'open')
  })

  test('blackouts: the studio closes the day; a photographer blackout takes only them off', ({ assert }) => {
    const availability = studio({
      photographers: [
        { id: 'ana', name: 'Ana', days: [2, 3].map((weekday) => ({ weekday, startsAt: null, endsAt: null })) },
        { id: 'ben', name: 'Ben', days: [3].map((weekday) => ({ weekday, startsAt: null, endsAt: null })) },
      ],
      blackouts: [
        { date: '2026-01-06', photographerId: null, reason: 'Staff training' },
        { date: '2026-01-07', photographerId: 'ana', reason: 'Dentist' },
      ],
    })
    assert.equal(availability.dayStatus('2026-01-06', 60), 'blackout')
    assert.equal(availability.blackoutReason('2026-01-06'), 'Staff training')
    assert.deepEqual(availability.check(at('2026-01-06T10:00'), 60), { ok: false, reason: 'blackout' })
    assert.deepEqual(availability.openings('2026-01-07', 60)[0].photographerIds, ['ben'])
    assert.deepEqual(availability.check(at('2026-01-07T10:00'), 60, { photographerId: 'ana' }), {
      ok: false,
      reason: 'photographer_off',
    })
    // Thursday: nobody works.
    assert.equal(availability.dayStatus('2026-01-08', 60), 'full')
  })

  test('photographers: "any" picks the least busy free one; a busy one is refused', ({ assert }) => {
    const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt: null, endsAt: null }))
    const availability = studio({
      hours: [{ weekday: 2, opensAt: '09:00', closesAt: '17:00', capacity: 3 }],
      photographers: [
        { id: 'ana', name: 'Ana', days: everyDay },
        { id: 'ben', name: 'Ben', days: [{ weekday: 2, startsAt: '12:00', endsAt: '17:00' }] },
      ],
      sessions: [booked('2026-01-06T10:00', 60, { photographerId: 'ana', setNumber: 1 })],
    })
    assert.deepEqual(availability.check(at('2026-01-06T10:30'), 60, { photographerId: 'ana' }), {
      ok: false,
      reason: 'photographer_busy',
    })
    // Ben works from noon only: nobody is free at 10:30.
    assert.deepEqual(availability.check(at('2026-01-06T10:30'), 60), { ok: false, reason: 'photographer_busy' })
    const afternoon = availability.check(at('2026-01-06T13:00'), 60)
    assert.isTrue(afternoon.ok)
    assert.equal(afternoon.ok && afternoon.photographerId, 'ben')
    assert.deepEqual(availability.openings('2026-01-06', 60).find((o) => o.startsAt.hour === 14)?.photographerIds, ['ana', 'ben'])
  })

  test('an admin may override the rules, but never the past or a photographer in two places', ({ assert }) => {
    const availability = studio({
      rules: { minNoticeHours: 48, maxSessionsPerDay: 1 },
      photographers: [{ id: 'ana', name: 'Ana', days: [{ weekday: 2, startsAt: null, endsAt: null }] }],
      sessions: [booked('2026-01-06T10:00', 60, { photographerId: 'ana', setNumber: 1 })],
      blackouts: [{ date: '2026-01-10', photographerId: null, reason: 'Holiday' }],
    })
    const early = availability.check(at('2026-01-06T18:15'), 60, { override: true, photographerId: 'ana' })
    assert.isTrue(early.ok)
    assert.sameMembers(early.ok ? early.overridden : [], ['too_soon', 'day_full', 'off_grid'])
    assert.deepEqual(availability.check(at('2026-01-06T10:30'), 60, { override: true, photographerId: 'ana' }), {
      ok: false,
      reason: 'photographer_busy',
    })
    const blackout = availability.check(at('2026-01-10T10:00'), 60, { override: true, photographerId: 'ana' })
    assert.isTrue(blackout.ok)
    assert.includeMembers(blackout.ok ? blackout.overridden : [], ['blackout', 'photographer_off'])
    assert.deepEqual(availability.check(at('2026-01-05T07:00'), 60, { override: true }), { ok: false, reason: 'past' })
  })

  test('the session being moved does not block itself', ({ assert }) => {
    const session = booked('2026-01-06T10:00')
    const availability = studio({ sessions: [session] })
    assert.deepEqual(availability.check(at('2026-01-06T10:30'), 60), { ok: false, reason: 'full' })
    assert.isTrue(availability.check(at('2026-01-06T10:30'), 60, { ignoreSessionId: session.id }).ok)
  })

  test('nearest free slots around a taken one, same day first', ({ assert }) => {
    const availability = studio({ sessions: [booked('2026-01-06T12:00'), booked('2026-01-06T13:00')] })
    const nearest = (count: number) =>
      availability.nearest(at('2026-01-06T12:00'), 60, count).map((o) => o.startsAt.setZone(ZONE).toFormat('HH:mm'))
    assert.deepEqual(nearest(2), ['11:00', '10:30'])
    assert.include(nearest(4), '14:00')
    const nextDay = studio({ hours: [{ weekday: 2, opensAt: '09:00', closesAt: '10:00', capacity: 1 }, { weekday: 3, opensAt: '09:00', closesAt: '11:00', capacity: 1 }], sessions: [booked('2026-01-06T09:00')] })
    assert.deepEqual(
      nextDay.nearest(at('2026-01-06T09:00'), 60, 2).map((o) => o.startsAt.setZone(ZONE).toFormat('ccc HH:mm')),
      ['Wed 09:00', 'Wed 09:30']
    )
  })

  test('the month view greys out full, closed, past and blackout days', ({ assert }) => {
    const availability = studio({
      hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '11:00', capacity: 1 })),
      sessions: [booked('2026-01-07T09:00', 120)],
      blackouts: [{ date: '2026-01-08', photographerId: null, reason: 'Training' }],
    })
    const days = new Map(availability.month('2026-01', 60).map((day) => [day.date, day]))
    assert.equal(days.get('2026-01-02')!.status, 'past')
    assert.equal(days.get('2026-01-06')!.status, 'open')
    assert.equal(days.get('2026-01-06')!.free, 3)
    assert.equal(days.get('2026-01-07')!.status, 'full')
    assert.equal(days.get('2026-01-08')!.status, 'blackout')
    assert.equal(days.get('2026-01-10')!.status, 'closed')
    assert.lengthOf([...days.keys()], 31)
  })
})

test.group('Availability: daylight saving time', () => {
  const week = (from: string) => Array.from({ length: 7 }, (_, i) => DateTime.fromISO(from).plus({ days: i }).toISODate()!)

  test('spring forward (New York, 8 March 2026): every day of the week keeps the same wall-clock slots', ({ assert }) => {
    const availability = studio({ now: at('2026-03-01T08:00') })
    const expected = times(availability, '2026-03-05')
    for (const date of week('2026-03-05')) assert.deepEqual(times(availability, date), expected, date)
    const [before, after] = ['2026-03-07', '2026-03-08'].map((date) => availability.openings(date, 60)[0].startsAt)
    // 09:00 is 14:00 UTC before the change and 13:00 UTC after it.
    assert.equal(before.toUTC().hour, 14)
    assert.equal(after.toUTC().hour, 13)
    assert.equal(after.setZone(ZONE).toFormat('HH:mm'), '09:00')
  })

  test('fall back (New York, 1 November 2026): no slot moves, none is lost or doubled', ({ assert }) => {
    const availability = studio({ now: at('2026-10-25T08:00') })
    const expected = times(availability, '2026-10-29')
    for (const date of week('2026-10-29')) assert.deepEqual(times(availability, date), expected, date)
    const [before, after] = ['2026-10-31', '2026-11-01'].map((date) => availability.openings(date, 60)[0].startsAt)
    assert.equal(before.toUTC().hour, 13)
    assert.equal(after.toUTC().hour, 14)
  })

  test('a booked session blocks exactly its own wall-clock hour across the change', ({ assert }) => {
    const availability = studio({ now: at('2026-03-01T08:00'), sessions: [booked('2026-03-08T10:00')] })
    const slots = times(availability, '2026-03-08')
    assert.includeMembers(slots, ['09:00', '11:00'])
    assert.notIncludeMembers(slots, ['09:30', '10:00', '10:30'])
    assert.isTrue(availability.check(at('2026-03-09T10:00'), 60).ok)
  })

  test('a night-time studio: the skipped hour has no slots, the repeated hour gives no extra ones', ({ assert }) => {
    const availability = studio({
      now: at('2026-03-01T00:00'),
      hours: [7].map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '05:00', capacity: 1 })),
    })
    assert.deepEqual(times(availability, '2026-03-01'), ['00:00', '00:30', '01:00', '01:30', '02:00', '02:30', '03:00', '03:30', '04:00'])
    assert.deepEqual(times(availability, '2026-03-08'), ['00:00', '00:30', '01:00', '01:30', '03:00', '03:30', '04:00'])
    assert.deepEqual(times(availability, '2026-11-01'), times(availability, '2026-03-01'))
  })
})
