import { createHash, randomBytes } from 'node:crypto'
import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import KioskDevice from '#models/kiosk_device'
import { UserFactory } from '#database/factories/user_factory'

export const KioskDeviceFactory = factory
  .define(KioskDevice, ({ faker }) => ({
    name: `Front desk ${faker.number.int({ min: 1, max: 99 })}`,
    tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
    pairedAt: DateTime.now().minus({ days: 1 }),
    lastSeenAt: DateTime.now().minus({ minutes: 2 }),
    revokedAt: null,
  }))
  .state('revoked', (device) => (device.revokedAt = DateTime.now().minus({ days: 1 })))
  .state('neverSeen', (device) => (device.lastSeenAt = null))
  .relation('pairedByUser', () => UserFactory)
  .build()
