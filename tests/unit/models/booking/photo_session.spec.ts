import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import PhotoSession from '#models/photo_session'
import SessionEvent from '#models/session_event'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { UserFactory } from '#database/factories/user_factory'
import { KioskDeviceFactory } from '#database/factories/kiosk_device_factory'
import { PaymentFactory } from '#database/factories/payment_factory'
import { actors } from '#support/actor'
import { assertViolates } from '#tests/support/violations'

test.group('Photo session', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a session that reloads with its relations', async ({ assert }) => {
    const session = await PhotoSessionFactory.with('photographer', 1, (p) => p.apply('photographer'))
      .with('sessionChildren', 2)
      .with('events')
      .with('payments', 1, (payment) => payment.apply('succeeded'))
      .create()
    const reloaded = await PhotoSession.query()
      .where('id', session.id)
      .preload('user')
      .preload('package')
      .preload('photographer')
      .preload('sessionChildren')
      .preload('children')
      .preload('events')
      .preload('payments')
      .firstOrFail()
    assert.equal(reloaded.user.id, session.userId)
    assert.equal(reloaded.package.id, session.packageId)
    assert.equal(reloaded.photographer.role, 'photographer')
    assert.lengthOf(reloaded.sessionChildren, 2)
    assert.lengthOf(reloaded.children, 2)
    assert.lengthOf(reloaded.events, 1)
    assert.lengthOf(reloaded.payments, 1)
    assert.equal(reloaded.status, 'booked')
  })

  test('a new session gets the next human number of the year', async ({ assert }) => {
    const first = await PhotoSessionFactory.create()
    const second = await PhotoSessionFactory.create()
    const year = DateTime.now().year
    assert.match(first.sessionNumber, new RegExp(`^S-${year}-\\d{6}$`))
    assert.equal(Number(second.sessionNumber.slice(-6)), Number(first.sessionNumber.slice(-6)) + 1)
  })

  test('session numbers are unique', async () => {
    const session = await PhotoSessionFactory.create()
    await assertViolates(() => PhotoSessionFactory.merge({ sessionNumber: session.sessionNumber }).create(), 'unique')
  })

  test('a session needs an existing package', async () => {
    await assertViolates(
      () => PhotoSessionFactory.merge({ packageId: '00000000-0000-4000-8000-000000000000' }).create(),
      'foreign_key'
    )
  })

  test('the status must be a known one', async () => {
    await assertViolates(() => PhotoSessionFactory.merge({ status: 'lost' as any }).create(), 'check')
  })

  test('the deposit cannot exceed the total', async () => {
    await assertViolates(() => PhotoSessionFactory.merge({ totalAmount: 1000, depositAmount: 2000 }).create(), 'check')
  })

  test('a family with sessions cannot be hard-deleted', async () => {
    const session = await PhotoSessionFactory.create()
    await assertViolates(() => db.from('users').where('id', session.userId).delete(), 'foreign_key')
  })

  test('a session with a payment cannot be deleted', async () => {
    const session = await PhotoSessionFactory.create()
    await PaymentFactory.merge({ photoSessionId: session.id, userId: session.userId }).create()
    await assertViolates(() => db.from('photo_sessions').where('id', session.id).delete(), 'foreign_key')
  })

  test('upcoming lists open sessions from now on, soonest first', async ({ assert }) => {
    const later = await PhotoSessionFactory.merge({ startsAt: DateTime.now().plus({ days: 9 }) }).create()
    const sooner = await PhotoSessionFactory.apply('confirmed').merge({ startsAt: DateTime.now().plus({ days: 2 }) }).create()
    await PhotoSessionFactory.apply('cancelled').merge({ startsAt: DateTime.now().plus({ days: 3 }) }).create()
    await PhotoSessionFactory.merge({ startsAt: DateTime.now().minus({ days: 1 }) }).create()
    const ids = (await PhotoSession.query().withScopes((s) => s.upcoming())).map((s) => s.id)
    assert.deepEqual(ids, [sooner.id, later.id])
  })

  test('onDate lists the sessions of one calendar day', async ({ assert }) => {
    const day = DateTime.now().plus({ days: 5 }).startOf('day')
    const morning = await PhotoSessionFactory.merge({ startsAt: day.set({ hour: 9 }) }).create()
    const evening = await PhotoSessionFactory.merge({ startsAt: day.set({ hour: 23, minute: 30 }) }).create()
    await PhotoSessionFactory.merge({ startsAt: day.plus({ days: 1 }) }).create()
    await PhotoSessionFactory.merge({ startsAt: day.minus({ minutes: 1 }) }).create()
    const ids = (await PhotoSession.query().withScopes((s) => s.onDate(day.set({ hour: 15 }))).orderBy('starts_at')).map(
      (s) => s.id
    )
    assert.deepEqual(ids, [morning.id, evening.id])
  })

  test('onDate takes the calendar day in the zone of the date it is given', async ({ assert }) => {
    const day = DateTime.now().setZone('America/Chicago').plus({ days: 6 }).startOf('day')
    const lateEvening = await PhotoSessionFactory.merge({ startsAt: day.set({ hour: 22 }).toLocal() }).create()
    await PhotoSessionFactory.merge({ startsAt: day.plus({ days: 1 }).set({ hour: 1 }).toLocal() }).create()
    const ids = (await PhotoSession.query().withScopes((s) => s.onDate(day.set({ hour: 12 })))).map((s) => s.id)
    assert.deepEqual(ids, [lateEvening.id])
  })

  test('byStatus filters by one or more statuses', async ({ assert }) => {
    const booked = await PhotoSessionFactory.create()
    const done = await PhotoSessionFactory.apply('completed').create()
    await PhotoSessionFactory.apply('cancelled').create()
    const ids = (await PhotoSession.query().withScopes((s) => s.byStatus('booked', 'completed'))).map((s) => s.id)
    assert.sameMembers(ids, [booked.id, done.id])
  })

  test('a session goes booked → confirmed → checked in → in progress → completed, recording each step', async ({
    assert,
  }) => {
    const staff = await UserFactory.apply('staff').create()
    const kiosk = await KioskDeviceFactory.create()
    const session = await PhotoSessionFactory.create()
    const atDesk = actors.user(staff)

    assert.isTrue(await session.confirm({ actor: atDesk }))
    assert.isTrue(await session.checkIn({ actor: actors.anonymous({ kioskDeviceId: kiosk.id }) }))
    assert.isTrue(await session.start({ actor: atDesk }))
    assert.isTrue(await session.complete({ actor: atDesk, note: 'All smiles' }))

    await session.refresh()
    assert.equal(session.status, 'completed')
    assert.equal(session.kioskDeviceId, kiosk.id)
    assert.isNull(session.checkedInBy)
    assert.isNotNull(session.checkedInAt)
    const events = await SessionEvent.query().where('photo_session_id', session.id).orderBy('created_at')
    assert.deepEqual(
      events.map((e) => [e.fromStatus, e.toStatus]),
      [
        ['booked', 'confirmed'],
        ['confirmed', 'checked_in'],
        ['checked_in', 'in_progress'],
        ['in_progress', 'completed'],
      ]
    )
    const checkIn = events.find((e) => e.toStatus === 'checked_in')!
    assert.equal(checkIn.kioskDeviceId, kiosk.id)
    assert.isNull(checkIn.actorId)
    assert.equal(events[0].actorId, staff.id)
    assert.equal(events[3].note, 'All smiles')
  })

  test('staff can check a family in at the desk: who and when are written with the status', async ({ assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const session = await PhotoSessionFactory.apply('confirmed').create()
    const now = DateTime.now().startOf('second')
    assert.isTrue(await session.checkIn({ actor: actors.user(staff), now }))
    assert.equal(session.status, 'checked_in')
    const reloaded = await PhotoSession.findOrFail(session.id)
    assert.equal(reloaded.status, 'checked_in')
    assert.equal(reloaded.checkedInBy, staff.id)
    assert.equal(reloaded.checkedInAt!.toMillis(), now.toMillis())
    assert.isNull(reloaded.kioskDeviceId)
  })

  test('cancelling keeps the reason on the session and its event', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const session = await PhotoSessionFactory.create()
    assert.isTrue(await session.cancel('Child is ill', { actor: actors.user(admin) }))
    await session.refresh()
    assert.equal(session.status, 'cancelled')
    assert.equal(session.cancellationReason, 'Child is ill')
    assert.isNotNull(session.cancelledAt)
    const event = await SessionEvent.findByOrFail('photo_session_id', session.id)
    assert.equal(event.note, 'Child is ill')
    assert.equal(event.actorId, admin.id)
  })

  test('a booked or confirmed session can be marked as a no-show', async ({ assert }) => {
    const booked = await PhotoSessionFactory.create()
    const confirmed = await PhotoSessionFactory.apply('confirmed').create()
    assert.isTrue(await booked.markNoShow())
    assert.isTrue(await confirmed.markNoShow())
    const statuses = await PhotoSession.query().whereIn('id', [booked.id, confirmed.id]).select('status')
    assert.deepEqual(statuses.map((s) => s.status), ['no_show', 'no_show'])
  })

  test('a transition uses the transaction it is given', async ({ assert }) => {
    const session = await PhotoSessionFactory.create()
    const trx = await db.transaction()
    assert.isTrue(await session.confirm({ client: trx }))
    await trx.rollback()
    const reloaded = await PhotoSession.findOrFail(session.id)
    assert.equal(reloaded.status, 'booked')
    assert.lengthOf(await SessionEvent.query().where('photo_session_id', session.id), 0)
  })

  test('refused transitions return false, change nothing and record nothing', async ({ assert }) => {
    const completed = await PhotoSessionFactory.apply('completed').create()
    const cancelled = await PhotoSessionFactory.apply('cancelled').create()
    const booked = await PhotoSessionFactory.create()
    const checkedIn = await PhotoSessionFactory.apply('checked_in').create()

    assert.isFalse(await completed.cancel('too late'))
    assert.isFalse(await cancelled.confirm())
    assert.isFalse(await booked.start())
    assert.isFalse(await booked.complete())
    assert.isFalse(await checkedIn.markNoShow())
    assert.isFalse(await checkedIn.confirm())

    const rows = await PhotoSession.query().whereIn('id', [completed.id, cancelled.id, booked.id, checkedIn.id])
    assert.deepEqual(
      Object.fromEntries(rows.map((row) => [row.id, row.status])),
      { [completed.id]: 'completed', [cancelled.id]: 'cancelled', [booked.id]: 'booked', [checkedIn.id]: 'checked_in' }
    )
    assert.isNull(rows.find((row) => row.id === completed.id)!.cancellationReason)
    assert.lengthOf(await SessionEvent.all(), 0)
  })

  test('a stale copy moves from the state the row is really in', async ({ assert }) => {
    const session = await PhotoSessionFactory.create()
    const stale = await PhotoSession.findOrFail(session.id)
    assert.isTrue(await session.confirm())
    // `stale` still says booked; confirmed → cancelled is allowed too, and the event says so.
    assert.isTrue(await stale.cancel('Moved away'))
    const events = await SessionEvent.query().where('photo_session_id', session.id).orderBy('created_at')
    assert.deepEqual(events.map((e) => [e.fromStatus, e.toStatus]), [['booked', 'confirmed'], ['confirmed', 'cancelled']])
  })

  test('endsAt adds the estimated duration', async ({ assert }) => {
    const startsAt = DateTime.now().plus({ days: 3 }).startOf('hour')
    const session = await PhotoSessionFactory.merge({ startsAt, estimatedDuration: 90 }).make()
    assert.equal(session.endsAt!.toMillis(), startsAt.plus({ minutes: 90 }).toMillis())
  })
})
