import factory from '@adonisjs/lucid/factories'
import SessionEvent from '#models/session_event'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { UserFactory } from '#database/factories/user_factory'
import { KioskDeviceFactory } from '#database/factories/kiosk_device_factory'
import { ensureParent } from '#database/factories/support/parent'

export const SessionEventFactory = factory
  .define(SessionEvent, () => ({
    fromStatus: 'booked' as const,
    toStatus: 'confirmed' as const,
    note: null,
  }))
  .before('create', async (builder, row, ctx) => {
    row.photoSessionId = (await ensureParent(builder, 'photoSession', row.photoSessionId, () =>
      PhotoSessionFactory.query().useCtx(ctx).create()
    ))!
  })
  .state('booking', (row) => {
    row.fromStatus = null
    row.toStatus = 'booked'
  })
  .state('checkIn', (row) => {
    row.fromStatus = 'confirmed'
    row.toStatus = 'checked_in'
  })
  .relation('photoSession', () => PhotoSessionFactory)
  .relation('actor', () => UserFactory)
  .relation('kioskDevice', () => KioskDeviceFactory)
  .build()
