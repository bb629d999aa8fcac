import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import PhotoSession from '#models/photo_session'
import { UserFactory } from '#database/factories/user_factory'
import { PackageFactory } from '#database/factories/package_factory'
import { SessionChildFactory } from '#database/factories/session_child_factory'
import { SessionEventFactory } from '#database/factories/session_event_factory'
import { PaymentFactory } from '#database/factories/payment_factory'
import { KioskDeviceFactory } from '#database/factories/kiosk_device_factory'
import { ensureParent } from '#database/factories/support/parent'

/** A booked session a week or more ahead; the family and package are made when not given. */
export const PhotoSessionFactory = factory
  .define(PhotoSession, ({ faker }) => {
    const total = faker.number.int({ min: 15, max: 60 }) * 1000
    const deposit = Math.round(total / 4)
    return {
      startsAt: DateTime.now()
        .plus({ days: faker.number.int({ min: 7, max: 28 }) })
        .set({ hour: faker.number.int({ min: 9, max: 16 }), minute: 0, second: 0, millisecond: 0 }),
      estimatedDuration: 60,
      status: 'booked' as const,
      totalAmount: total,
      depositAmount: deposit,
      balanceDue: total - deposit,
      currency: 'USD',
      specialRequests: faker.helpers.maybe(() => faker.lorem.sentence()) ?? null,
    }
  })
  .before('create', async (builder, session, ctx) => {
    session.userId = (await ensureParent(builder, 'user', session.userId, () =>
      UserFactory.query().useCtx(ctx).create()
    ))!
    session.packageId = (await ensureParent(builder, 'package', session.packageId, () =>
      PackageFactory.query().useCtx(ctx).create()
    ))!
  })
  .state('confirmed', (session) => (session.status = 'confirmed'))
  .state('today', (session) => {
    session.startsAt = DateTime.now().startOf('day').set({ hour: 12 })
  })
  .state('checked_in', (session) => {
    session.status = 'checked_in'
    session.startsAt = DateTime.now().plus({ minutes: 15 }).startOf('minute')
    session.checkedInAt = DateTime.now()
  })
  .state('in_progress', (session) => {
    session.status = 'in_progress'
    session.startsAt = DateTime.now().minus({ minutes: 20 }).startOf('minute')
    session.checkedInAt = DateTime.now().minus({ minutes: 30 })
  })
  .state('completed', (session) => {
    session.status = 'completed'
    session.startsAt = DateTime.now().minus({ days: 10 }).startOf('hour')
    session.checkedInAt = session.startsAt.minus({ minutes: 10 })
    session.balanceDue = 0
  })
  .state('cancelled', (session) => {
    session.status = 'cancelled'
    session.cancelledAt = DateTime.now()
    session.cancellationReason = 'Family rescheduled'
  })
  .state('no_show', (session) => {
    session.status = 'no_show'
    session.startsAt = DateTime.now().minus({ days: 3 }).startOf('hour')
  })
  .relation('user', () => UserFactory)
  .relation('package', () => PackageFactory)
  .relation('photographer', () => UserFactory)
  .relation('sessionChildren', () => SessionChildFactory)
  .relation('events', () => SessionEventFactory)
  .relation('payments', () => PaymentFactory)
  .relation('kioskDevice', () => KioskDeviceFactory)
  .build()
