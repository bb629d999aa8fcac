import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import GalleryVisitor from '#models/gallery_visitor'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { GalleryVisitorFactory } from '#database/factories/gallery_visitor_factory'

test.group('Gallery visitor', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a visitor that reloads with gallery, user and favourites', async ({ assert }) => {
    const visitor = await GalleryVisitorFactory.with('gallery').with('user').merge({ email: ' Grandma@Example.com ' }).create()
    const reloaded = await GalleryVisitor.query()
      .where('id', visitor.id)
      .preload('gallery')
      .preload('user')
      .preload('favorites')
      .firstOrFail()
    assert.equal(reloaded.gallery.id, visitor.galleryId)
    assert.equal(reloaded.user.id, visitor.userId)
    assert.equal(reloaded.email, 'grandma@example.com')
    assert.lengthOf(reloaded.tokenHash!, 64)
  })

  test('a visitor is found by the hash of their token and touched', async ({ assert }) => {
    const visitor = await GalleryVisitorFactory.with('gallery').merge({ tokenHash: GalleryVisitor.hashToken('t0k3n') }).create()
    const found = await GalleryVisitor.findByOrFail('token_hash', GalleryVisitor.hashToken('t0k3n'))
    assert.equal(found.id, visitor.id)
    await found.touch()
    assert.isNotNull(found.lastSeenAt)
  })

  test('deleting the user keeps the visitor', async ({ assert }) => {
    const visitor = await GalleryVisitorFactory.with('gallery').with('user').create()
    await (await visitor.related('user').query().firstOrFail()).delete()
    await visitor.refresh()
    assert.isNull(visitor.userId)
  })

  test('deleting the gallery deletes its visitors', async ({ assert }) => {
    const visitor = await GalleryVisitorFactory.with('gallery').create()
    await (await visitor.related('gallery').query().firstOrFail()).delete()
    assert.isNull(await GalleryVisitor.find(visitor.id))
  })

  test('an email visits a gallery once', async ({ assert }) => {
    const gallery = await GalleryFactory.create()
    await GalleryVisitorFactory.merge({ galleryId: gallery.id, email: 'dad@example.com' }).create()
    await assert.rejects(() => GalleryVisitorFactory.merge({ galleryId: gallery.id, email: 'DAD@example.com' }).create())
  })

  test('two visitors cannot hold the same token', async ({ assert }) => {
    const visitor = await GalleryVisitorFactory.with('gallery').create()
    await assert.rejects(() => GalleryVisitorFactory.with('gallery').merge({ tokenHash: visitor.tokenHash }).create())
  })
})
