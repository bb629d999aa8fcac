import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import KioskDevice from '#models/kiosk_device'
import { KioskDeviceFactory } from '#database/factories/kiosk_device_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Kiosk device', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a device that reloads with who paired it and its check-ins', async ({ assert }) => {
    const device = await KioskDeviceFactory.with('pairedByUser', 1, (user) => user.apply('staff')).create()
    await PhotoSessionFactory.apply('checked_in').merge({ kioskDeviceId: device.id }).create()
    const reloaded = await KioskDevice.query()
      .where('id', device.id)
      .preload('pairedByUser')
      .preload('checkIns')
      .firstOrFail()
    assert.equal(reloaded.pairedByUser.role, 'staff')
    assert.lengthOf(reloaded.checkIns, 1)
    assert.notProperty(reloaded.serialize(), 'tokenHash')
  })

  test('two devices cannot share a token', async () => {
    const device = await KioskDeviceFactory.create()
    await assertViolates(() => KioskDeviceFactory.merge({ tokenHash: device.tokenHash }).create(), 'unique')
  })

  test('a revoked device leaves the active list', async ({ assert }) => {
    const device = await KioskDeviceFactory.create()
    await KioskDeviceFactory.apply('revoked').create()
    assert.isTrue(await device.revoke())
    const active = await KioskDevice.query().withScopes((scopes) => scopes.active())
    assert.lengthOf(active, 0)
    assert.isFalse(device.isActive)
  })

  test('a device is revoked once: the second revoke changes nothing and says so', async ({ assert }) => {
    const device = await KioskDeviceFactory.create()
    const stale = await KioskDevice.findOrFail(device.id)
    assert.isTrue(await device.revoke())
    assert.isFalse(await stale.revoke())
    assert.isNotNull((await KioskDevice.findOrFail(device.id)).revokedAt)
  })

  test('a device outlives the staff account that paired it', async ({ assert }) => {
    const device = await KioskDeviceFactory.with('pairedByUser').create()
    await device.load('pairedByUser')
    await device.pairedByUser.delete()
    assert.isNull((await KioskDevice.findOrFail(device.id)).pairedBy)
  })
})
