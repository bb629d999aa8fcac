import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import testUtils from '@adonisjs/core/services/test_utils'
import UserPreference from '#models/user_preference'
import { UserPreferenceFactory } from '#database/factories/user_preference_factory'
import { UserFactory } from '#database/factories/user_factory'
import { assertViolates } from '#tests/support/violations'

test.group('User preference', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates preferences that reload with their user', async ({ assert }) => {
    const preference = await UserPreferenceFactory.apply('smsOnly').create()
    const reloaded = await UserPreference.query().where('id', preference.id).preload('user').firstOrFail()
    assert.strictEqual(reloaded.notifyEmail, false)
    assert.strictEqual(reloaded.notifySms, true)
    assert.equal(reloaded.user.id, preference.userId)
  })

  test('a user has at most one preferences row', async () => {
    const preference = await UserPreferenceFactory.create()
    await assertViolates(() => UserPreferenceFactory.merge({ userId: preference.userId }).create(), 'unique')
  })

  test('preferences need an existing user', async () => {
    await assertViolates(() => UserPreferenceFactory.merge({ userId: randomUUID() }).create(), 'foreign_key')
  })

  test('deleting the user deletes their preferences', async ({ assert }) => {
    const user = await UserFactory.create()
    const preference = await UserPreferenceFactory.merge({ userId: user.id }).create()
    await user.delete()
    assert.isNull(await UserPreference.find(preference.id))
  })
})
