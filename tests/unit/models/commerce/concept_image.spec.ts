import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ConceptImage from '#models/concept_image'
import { ConceptImageFactory } from '#database/factories/concept_image_factory'
import { UserFactory } from '#database/factories/user_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Concept image', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a concept that reloads with its user, custom order and image', async ({ assert }) => {
    const image = await ConceptImageFactory.with('user')
      .with('mediaAsset')
      .with('customOrder', 1, (o) => o.with('user'))
      .apply('saved')
      .create()
    const reloaded = await ConceptImage.query()
      .where('id', image.id)
      .preload('user')
      .preload('customOrder')
      .preload('mediaAsset')
      .firstOrFail()
    assert.equal(reloaded.user.id, image.userId)
    assert.equal(reloaded.customOrder.id, image.customOrderId)
    assert.equal(reloaded.mediaAsset.id, image.mediaAssetId)
    assert.isTrue(reloaded.saved)
  })

  test('the onlySaved scope hides drafts of an idea', async ({ assert }) => {
    const user = await UserFactory.create()
    const kept = await ConceptImageFactory.merge({ userId: user.id }).apply('saved').create()
    await ConceptImageFactory.merge({ userId: user.id }).createMany(2)
    const saved = await ConceptImage.query().withScopes((s) => s.onlySaved())
    assert.deepEqual(saved.map((i) => i.id), [kept.id])
  })

  test('deleting the generated image keeps the concept and its prompt', async ({ assert }) => {
    const image = await ConceptImageFactory.with('user').with('mediaAsset').create()
    await db.from('media_assets').where('id', image.mediaAssetId!).delete()
    const reloaded = await ConceptImage.findOrFail(image.id)
    assert.isNull(reloaded.mediaAssetId)
    assert.equal(reloaded.prompt, image.prompt)
  })

  test('deleting the user deletes their concepts', async ({ assert }) => {
    const image = await ConceptImageFactory.with('user').create()
    await db.from('users').where('id', image.userId).delete()
    assert.isNull(await ConceptImage.find(image.id))
  })

  test('a concept needs an existing user', async () => {
    await assertViolates(() => ConceptImageFactory.merge({ userId: '00000000-0000-4000-8000-000000000000' }).create(), 'foreign_key')
  })
})
