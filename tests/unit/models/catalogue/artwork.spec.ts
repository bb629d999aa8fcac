import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Artwork from '#models/artwork'
import StatusChange from '#models/status_change'
import { ArtworkFactory } from '#database/factories/artwork_factory'
import { UserFactory } from '#database/factories/user_factory'
import { actors } from '#support/actor'
import { assertViolates } from '#tests/support/violations'

test.group('Artwork', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates an artwork that reloads with category, photographer, image and print options', async ({
    assert,
  }) => {
    const artwork = await ArtworkFactory.with('category')
      .with('photographer', 1, (u) => u.apply('photographer'))
      .with('mediaAsset')
      .with('printOptions', 2, (option) => option.with('productVariant', 1, (v) => v.with('product')))
      .create()
    const reloaded = await Artwork.query()
      .where('id', artwork.id)
      .preload('category')
      .preload('photographer')
      .preload('mediaAsset')
      .preload('printOptions', (q) => q.preload('productVariant'))
      .firstOrFail()
    assert.equal(reloaded.category.kind, 'portfolio')
    assert.equal(reloaded.photographer.role, 'photographer')
    assert.equal(reloaded.mediaAsset.id, artwork.mediaAssetId)
    assert.lengthOf(reloaded.printOptions, 2)
    assert.equal(reloaded.printOptions[0].price, reloaded.printOptions[0].productVariant.price)
    assert.isTrue(reloaded.capturedOn!.isValid)
  })

  test('a draft artwork can be published and unpublished, each change in its history', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const artwork = await ArtworkFactory.create()
    assert.isTrue(await artwork.publish({ actor: actors.user(admin) }))
    assert.equal((await Artwork.findOrFail(artwork.id)).status, 'published')
    assert.isTrue(await artwork.unpublish())
    assert.equal((await Artwork.findOrFail(artwork.id)).status, 'draft')
    const history = await StatusChange.of('Artwork', artwork.id)
    assert.deepEqual(history.map((c) => [c.fromStatus, c.toStatus]), [['draft', 'published'], ['published', 'draft']])
    assert.equal(history[0].actorId, admin.id)
  })

  test('publishing a published artwork or unpublishing a draft changes nothing', async ({ assert }) => {
    const published = await ArtworkFactory.apply('published').create()
    const draft = await ArtworkFactory.create()
    assert.isFalse(await published.publish())
    assert.isFalse(await draft.unpublish())
    assert.equal((await Artwork.findOrFail(published.id)).status, 'published')
    assert.equal((await Artwork.findOrFail(draft.id)).status, 'draft')
    assert.lengthOf(await StatusChange.query().where('subject_type', 'Artwork'), 0)
  })

  test('the published and featured scopes hide drafts', async ({ assert }) => {
    const featured = await ArtworkFactory.apply('featured').merge({ sortOrder: 1 }).create()
    const published = await ArtworkFactory.apply('published').merge({ sortOrder: 2 }).create()
    await ArtworkFactory.merge({ featured: true }).create()
    const publishedIds = (await Artwork.query().withScopes((s) => s.published())).map((a) => a.id)
    const featuredIds = (await Artwork.query().withScopes((s) => s.featured())).map((a) => a.id)
    assert.deepEqual(publishedIds, [featured.id, published.id])
    assert.deepEqual(featuredIds, [featured.id])
  })

  test('deleting the image or category keeps the artwork', async ({ assert }) => {
    const artwork = await ArtworkFactory.with('mediaAsset').with('category').create()
    await (await artwork.related('mediaAsset').query().firstOrFail()).delete()
    await (await artwork.related('category').query().firstOrFail()).delete()
    await artwork.refresh()
    assert.isNull(artwork.mediaAssetId)
    assert.isNull(artwork.categoryId)
  })

  test('two artworks cannot share a slug', async () => {
    const artwork = await ArtworkFactory.create()
    await assertViolates(() => ArtworkFactory.merge({ slug: artwork.slug }).create(), 'unique')
  })

  test('the status must be draft, published or archived', async ({ assert }) => {
    await assertViolates(() => ArtworkFactory.merge({ status: 'deleted' as any }).create(), 'check')
    await assertViolates(() => ArtworkFactory.merge({ status: 'Published' as any }).create(), 'check')
    const archived = await ArtworkFactory.merge({ status: 'archived' }).create()
    assert.equal((await Artwork.findOrFail(archived.id)).status, 'archived')
  })

  test('archiving and restoring are compare-and-set changes with their history: once each, and restore comes back as a draft', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const artwork = await ArtworkFactory.apply('published').create()
    const stale = await Artwork.findOrFail(artwork.id)
    const actor = actors.user(admin)
    assert.deepEqual(await Promise.all([artwork.archive({ actor }), stale.archive({ actor })]).then((r) => r.sort()), [false, true])
    assert.isFalse(await (await Artwork.findOrFail(artwork.id)).unpublish({ actor }), 'an archived artwork is not unpublished back to draft')
    const fresh = await Artwork.findOrFail(artwork.id)
    assert.isTrue(await fresh.restore({ actor }))
    assert.equal(fresh.status, 'draft')
    assert.isFalse(await fresh.restore({ actor }))
    const history = await StatusChange.query().where('subject_id', artwork.id).orderBy('created_at')
    assert.deepEqual(history.map((c) => [c.fromStatus, c.toStatus]), [['published', 'archived'], ['archived', 'draft']])
  })
})
