import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import OauthIdentity from '#models/oauth_identity'
import { OauthIdentityFactory } from '#database/factories/oauth_identity_factory'
import { assertViolates } from '#tests/support/violations'

test.group('OAuth identity', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates an identity that reloads with its user', async ({ assert }) => {
    const identity = await OauthIdentityFactory.apply('facebook').create()
    const reloaded = await OauthIdentity.query().where('id', identity.id).preload('user').firstOrFail()
    assert.equal(reloaded.provider, 'facebook')
    assert.equal(reloaded.user.id, identity.userId)
  })

  test('one provider account links to one user only', async () => {
    const identity = await OauthIdentityFactory.create()
    await assertViolates(() => OauthIdentityFactory.merge({ providerUserId: identity.providerUserId }).create(), 'unique')
  })

  test('the same account id may exist at two providers', async ({ assert }) => {
    const google = await OauthIdentityFactory.apply('google').create()
    const facebook = await OauthIdentityFactory.apply('facebook')
      .merge({ providerUserId: google.providerUserId })
      .create()
    assert.notEqual(facebook.userId, google.userId)
  })

  test('a user links at most one account per provider', async () => {
    const identity = await OauthIdentityFactory.create()
    await assertViolates(() => OauthIdentityFactory.merge({ userId: identity.userId }).create(), 'unique')
  })

  test('the provider must be google or facebook', async () => {
    await assertViolates(() => OauthIdentityFactory.merge({ provider: 'github' as any }).create(), 'check')
  })
})
