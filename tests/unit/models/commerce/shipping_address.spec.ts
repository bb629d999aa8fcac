import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ShippingAddress from '#models/shipping_address'
import { ShippingAddressFactory } from '#database/factories/shipping_address_factory'
import { UserFactory } from '#database/factories/user_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Shipping address', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates an address that reloads with its user', async ({ assert }) => {
    const address = await ShippingAddressFactory.with('user').apply('default').create()
    const reloaded = await ShippingAddress.query().where('id', address.id).preload('user').firstOrFail()
    assert.equal(reloaded.user.id, address.userId)
    assert.isTrue(reloaded.isDefault)
  })

  test('the snapshot copies the address for an order', async ({ assert }) => {
    const address = await ShippingAddressFactory.with('user').merge({ line2: 'Apt 4', country: 'CA' }).create()
    const snapshot = address.toSnapshot()
    assert.equal(snapshot.line2, 'Apt 4')
    assert.equal(snapshot.country, 'CA')
    assert.equal(snapshot.postalCode, address.postalCode)
  })

  test('the defaultFirst scope lists the default address first', async ({ assert }) => {
    const user = await UserFactory.create()
    await ShippingAddressFactory.merge({ userId: user.id }).create()
    const preferred = await ShippingAddressFactory.merge({ userId: user.id }).apply('default').create()
    const [first] = await ShippingAddress.query().where('user_id', user.id).withScopes((s) => s.defaultFirst())
    assert.equal(first.id, preferred.id)
  })

  test('deleting a user deletes their addresses', async ({ assert }) => {
    const address = await ShippingAddressFactory.with('user').create()
    await db.from('users').where('id', address.userId).delete()
    assert.isNull(await ShippingAddress.find(address.id))
  })

  test('a user has at most one default address', async () => {
    const user = await UserFactory.create()
    await ShippingAddressFactory.merge({ userId: user.id }).createMany(2)
    await ShippingAddressFactory.merge({ userId: user.id }).apply('default').create()
    await assertViolates(() => ShippingAddressFactory.merge({ userId: user.id }).apply('default').create(), 'unique')
  })

  test('an address needs an existing user', async () => {
    await assertViolates(() => ShippingAddressFactory.merge({ userId: '00000000-0000-4000-8000-000000000000' }).create(), 'foreign_key')
  })
})
