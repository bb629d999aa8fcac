import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Gallery from '#models/gallery'
import { withTrashed } from '#models/concerns/soft_deletes'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'

const ids = (galleries: Gallery[]) => galleries.map((g) => g.id).sort()

test.group('Gallery', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a gallery that reloads with session, photos, cover and visitors', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('published')
      .with('photoSession', 1, (session) => session.apply('completed'))
      .with('photos', 3)
      .with('visitors', 2)
      .create()
    gallery.coverPhotoId = gallery.photos[0].id
    await gallery.save()
    const reloaded = await Gallery.query()
      .where('id', gallery.id)
      .preload('photoSession')
      .preload('photos')
      .preload('coverPhoto')
      .preload('visitors')
      .firstOrFail()
    assert.equal(reloaded.photoSession.status, 'completed')
    assert.lengthOf(reloaded.photos, 3)
    assert.equal(reloaded.coverPhoto.id, gallery.photos[0].id)
    assert.lengthOf(reloaded.visitors, 2)
    assert.match(reloaded.accessCode, /^[2-9A-HJKMNP-Z]{10}$/)
    assert.isTrue(reloaded.watermarkEnabled)
    assert.isTrue(reloaded.isViewable())
  })

  test('deleting the session keeps its gallery', async ({ assert }) => {
    const session = await PhotoSessionFactory.apply('completed').create()
    const gallery = await GalleryFactory.merge({ photoSessionId: session.id }).create()
    await session.delete()
    await gallery.refresh()
    assert.isNull(gallery.photoSessionId)
  })

  test('soft-deleted galleries are hidden unless asked for', async ({ assert }) => {
    const gallery = await GalleryFactory.create()
    await gallery.softDelete()
    assert.isNull(await Gallery.find(gallery.id))
    assert.isNotNull(await withTrashed(Gallery.query()).where('id', gallery.id).first())
    await gallery.restore()
    assert.isNotNull(await Gallery.find(gallery.id))
  })

  test('scopes tell live, expired and soon-expiring galleries apart', async ({ assert }) => {
    const live = await GalleryFactory.apply('published').create()
    const soon = await GalleryFactory.apply('expiringSoon').create()
    const expired = await GalleryFactory.apply('expired').create()
    const lapsed = await GalleryFactory.merge({
      status: 'published',
      publishedAt: DateTime.now().minus({ days: 30 }),
      expiresAt: DateTime.now().minus({ hours: 1 }),
    }).create()
    await GalleryFactory.create()
    await GalleryFactory.apply('archived').create()

    const published = await Gallery.query().withScopes((s) => s.published())
    const expiredOnes = await Gallery.query().withScopes((s) => s.expired())
    const expiring = await Gallery.query().withScopes((s) => s.expiringWithin(7))
    assert.deepEqual(ids(published), [live.id, soon.id].sort())
    assert.deepEqual(ids(expiredOnes), [expired.id, lapsed.id].sort())
    assert.deepEqual(ids(expiring), [soon.id])
    assert.isFalse(lapsed.isViewable())
  })

  test('an access code is found whatever its case', async ({ assert }) => {
    const gallery = await GalleryFactory.merge({ accessCode: 'ROCK2345XY' }).create()
    const found = await Gallery.query().withScopes((s) => s.withAccessCode(' rock2345xy ')).firstOrFail()
    assert.equal(found.id, gallery.id)
  })

  test('a draft gallery is published with an expiry date, then unpublished', async ({ assert }) => {
    const gallery = await GalleryFactory.create()
    const expiresAt = DateTime.now().plus({ days: 45 })
    await gallery.publish({ expiresAt })
    const reloaded = await Gallery.findOrFail(gallery.id)
    assert.equal(reloaded.status, 'published')
    assert.isNotNull(reloaded.publishedAt)
    assert.equal(reloaded.expiresAt!.toISODate(), expiresAt.toISODate())
    await gallery.unpublish()
    assert.equal((await Gallery.findOrFail(gallery.id)).status, 'draft')
  })

  test('a published gallery expires and can be archived', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('published').create()
    await gallery.expire()
    assert.equal(gallery.status, 'expired')
    assert.isTrue(gallery.expiresAt! <= DateTime.now())
    await gallery.archive()
    assert.equal((await Gallery.findOrFail(gallery.id)).status, 'archived')
  })

  test('extending an expired gallery brings it back with a new date', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('expired')
      .merge({ expiryRemindedAt: DateTime.now().minus({ days: 8 }) })
      .create()
    const until = DateTime.now().plus({ days: 14 })
    await gallery.extend(until)
    const reloaded = await Gallery.findOrFail(gallery.id)
    assert.equal(reloaded.status, 'published')
    assert.isNull(reloaded.expiryRemindedAt)
    assert.isTrue(reloaded.isViewable())
  })

  test('extending a live gallery only moves its expiry date', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('expiringSoon').create()
    await gallery.extend(DateTime.now().plus({ days: 30 }))
    assert.equal(gallery.status, 'published')
    assert.lengthOf(await Gallery.query().withScopes((s) => s.expiringWithin(7)), 0)
  })

  test('a gallery cannot be extended into the past', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('expired').create()
    assert.throws(() => gallery.extend(DateTime.now().minus({ days: 1 })), /future/)
  })

  test('a draft gallery cannot expire or be extended', async ({ assert }) => {
    const gallery = await GalleryFactory.create()
    assert.throws(() => gallery.expire(), /cannot go from draft to expired/)
    assert.throws(() => gallery.extend(DateTime.now().plus({ days: 5 })), /cannot go from draft to published/)
  })

  test('a published gallery cannot be published again', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('published').create()
    assert.throws(() => gallery.publish(), /cannot go from published to published/)
  })

  test('an archived gallery stays archived', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('archived').create()
    assert.throws(() => gallery.publish(), /cannot go from archived to published/)
    assert.throws(() => gallery.unpublish(), /cannot go from archived to draft/)
    assert.throws(() => gallery.extend(DateTime.now().plus({ days: 5 })), /cannot go from archived/)
  })

  test('an expired gallery cannot be unpublished to a draft', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('expired').create()
    assert.throws(() => gallery.unpublish(), /cannot go from expired to draft/)
  })

  test('two galleries cannot share a slug', async ({ assert }) => {
    const gallery = await GalleryFactory.create()
    await assert.rejects(() => GalleryFactory.merge({ slug: gallery.slug }).create())
  })

  test('two galleries cannot share an access code', async ({ assert }) => {
    const gallery = await GalleryFactory.create()
    await assert.rejects(() => GalleryFactory.merge({ accessCode: gallery.accessCode }).create())
  })

  test('the status must be a known one', async ({ assert }) => {
    await assert.rejects(() => GalleryFactory.merge({ status: 'deleted' as any }).create())
  })

  test('a selection limit must be positive', async ({ assert }) => {
    await assert.rejects(() => GalleryFactory.merge({ selectionLimit: 0 }).create())
  })
})
