import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import GalleryVisitor from '#models/gallery_visitor'
import GalleryVisitorPass from '#models/gallery_visitor_pass'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { GalleryVisitorFactory } from '#database/factories/gallery_visitor_factory'
import { assertViolates } from '#tests/support/violations'

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
  })

  test('a visitor is found by each pass they hold, with the access version it was issued under', async ({ assert }) => {
    const visitor = await GalleryVisitorFactory.with('gallery').create()
    const gallery = await visitor.related('gallery').query().firstOrFail()
    const [first, second] = [await visitor.issuePass(gallery), await visitor.issuePass(gallery)]
    for (const token of [first, second]) {
      const found = await GalleryVisitor.findByPass(gallery, token)
      assert.equal(found?.id, visitor.id)
      assert.equal(found?.passVersion, gallery.accessVersion)
      assert.isTrue(found?.holdsPassTo(gallery))
    }
    assert.isNull(await GalleryVisitor.findByPass(gallery, 'not-a-pass'))
    const stored = await visitor.related('passes').query()
    assert.lengthOf(stored, 2)
    assert.notInclude(stored.map((pass) => pass.tokenHash), first)
    await visitor.touch()
    assert.isNotNull(visitor.lastSeenAt)
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

  test('an email visits a gallery once', async () => {
    const gallery = await GalleryFactory.create()
    await GalleryVisitorFactory.merge({ galleryId: gallery.id, email: 'dad@example.com' }).create()
    await assertViolates(() => GalleryVisitorFactory.merge({ galleryId: gallery.id, email: 'DAD@example.com' }).create(), 'unique')
  })

  test('two passes cannot hold the same token', async () => {
    const visitor = await GalleryVisitorFactory.with('gallery').create()
    const gallery = await visitor.related('gallery').query().firstOrFail()
    await visitor.issuePass(gallery)
    const [pass] = await visitor.related('passes').query()
    await assertViolates(
      () => GalleryVisitorPass.create({ galleryVisitorId: visitor.id, tokenHash: pass.tokenHash, accessVersion: 1 }),
      'unique'
    )
  })
})
