import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import PhotographerProfile from '#models/photographer_profile'
import { PhotographerProfileFactory } from '#database/factories/photographer_profile_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { ArtworkFactory } from '#database/factories/artwork_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Photographer profile', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a profile that reloads with its user, avatar, sessions and artworks', async ({
    assert,
  }) => {
    const profile = await PhotographerProfileFactory.with('avatar').apply('verified').create()
    await PhotoSessionFactory.merge({ photographerId: profile.userId }).create()
    await ArtworkFactory.merge({ photographerId: profile.userId }).create()
    const reloaded = await PhotographerProfile.query()
      .where('id', profile.id)
      .preload('user')
      .preload('avatar')
      .preload('sessions')
      .preload('artworks')
      .firstOrFail()
    assert.equal(reloaded.user.role, 'photographer')
    assert.equal(reloaded.avatar.id, profile.avatarMediaId)
    assert.lengthOf(reloaded.sessions, 1)
    assert.lengthOf(reloaded.artworks, 1)
    assert.isArray(reloaded.specialties)
    assert.strictEqual(reloaded.verified, true)
  })

  test('two profiles cannot share a slug', async () => {
    const profile = await PhotographerProfileFactory.create()
    await assertViolates(() => PhotographerProfileFactory.merge({ slug: profile.slug }).create(), 'unique')
  })

  test('a user has at most one profile', async () => {
    const profile = await PhotographerProfileFactory.create()
    await assertViolates(() => PhotographerProfileFactory.merge({ userId: profile.userId }).create(), 'unique')
  })

  test('the commission cannot exceed 100 percent', async () => {
    await assertViolates(() => PhotographerProfileFactory.merge({ commissionBps: 10_001 }).create(), 'check')
  })

  test('the payout is the sale minus the studio commission', async ({ assert }) => {
    const profile = await PhotographerProfileFactory.merge({ commissionBps: 2500 }).create()
    assert.equal(profile.payoutFor(10_000), 7500)
  })

  test('only photographers accepting commissions are listed for custom orders', async ({ assert }) => {
    const open = await PhotographerProfileFactory.apply('acceptingCommissions').create()
    await PhotographerProfileFactory.create()
    const listed = await PhotographerProfile.query().withScopes((scopes) => scopes.acceptingCommissions())
    assert.deepEqual(
      listed.map((profile) => profile.id),
      [open.id]
    )
  })
})
