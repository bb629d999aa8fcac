import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Gallery from '#models/gallery'
import { withTrashed } from '#models/concerns/soft_deletes'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { UserFactory } from '#database/factories/user_factory'
import StatusChange from '#models/status_change'
import { actors } from '#support/actor'
import { assertViolates } from '#tests/support/violations'

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

  test('a draft gallery is published with an expiry date, then unpublished, each change in its history', async ({ assert }) => {
    const gallery = await GalleryFactory.create()
    const expiresAt = DateTime.now().plus({ days: 45 })
    const admin = await UserFactory.apply('admin').create()
    assert.isTrue(await gallery.publish({ expiresAt, actor: actors.user(admin, { ip: '203.0.113.9' }) }))
    const reloaded = await Gallery.findOrFail(gallery.id)
    assert.equal(reloaded.status, 'published')
    assert.isNotNull(reloaded.publishedAt)
    assert.equal(reloaded.expiresAt!.toISODate(), expiresAt.toISODate())
    assert.isTrue(await gallery.unpublish())
    assert.equal((await Gallery.findOrFail(gallery.id)).status, 'draft')

    const history = await StatusChange.of('Gallery', gallery.id)
    assert.deepEqual(
      history.map((change) => [change.fromStatus, change.toStatus]),
      [['draft', 'published'], ['published', 'draft']]
    )
    assert.equal(history[0].actorId, admin.id)
    assert.equal(history[0].ip, '203.0.113.9')
  })

  test('a published gallery expires and can be archived', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('published').create()
    assert.isTrue(await gallery.expire())
    assert.equal(gallery.status, 'expired')
    assert.isTrue(gallery.expiresAt! <= DateTime.now())
    assert.isTrue(await gallery.archive())
    assert.equal((await Gallery.findOrFail(gallery.id)).status, 'archived')
  })

  test('the nightly expiry leaves a gallery whose date has not come', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('published').create()
    assert.isFalse(await gallery.expire({ dueOnly: true }))
    assert.equal((await Gallery.findOrFail(gallery.id)).status, 'published')
  })

  test('extending an expired gallery brings it back with a new date', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('expired')
      .merge({ expiryRemindedAt: DateTime.now().minus({ days: 8 }) })
      .create()
    const until = DateTime.now().plus({ days: 14 })
    assert.isTrue(await gallery.extend(until))
    const reloaded = await Gallery.findOrFail(gallery.id)
    assert.equal(reloaded.status, 'published')
    assert.isNull(reloaded.expiryRemindedAt)
    assert.isTrue(reloaded.isViewable())
  })

  test('extending a live gallery only moves its expiry date', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('expiringSoon').create()
    assert.isTrue(await gallery.extend(DateTime.now().plus({ days: 30 })))
    assert.equal(gallery.status, 'published')
    assert.lengthOf(await Gallery.query().withScopes((s) => s.expiringWithin(7)), 0)
  })

  test('a gallery cannot be extended into the past', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('expired').create()
    assert.throws(() => gallery.extend(DateTime.now().minus({ days: 1 })), /future/)
  })

  test('refused moves change nothing and record nothing', async ({ assert }) => {
    const draft = await GalleryFactory.create()
    assert.isFalse(await draft.expire())
    assert.isFalse(await draft.extend(DateTime.now().plus({ days: 5 })))
    const published = await GalleryFactory.apply('published').create()
    assert.isFalse(await published.publish())
    const archived = await GalleryFactory.apply('archived').create()
    assert.isFalse(await archived.publish())
    assert.isFalse(await archived.unpublish())
    assert.isFalse(await archived.extend(DateTime.now().plus({ days: 5 })))
    const expired = await GalleryFactory.apply('expired').create()
    assert.isFalse(await expired.unpublish())

    const statuses = await Gallery.query().whereIn('id', [draft.id, published.id, archived.id, expired.id]).orderBy('status')
    assert.deepEqual(statuses.map((g) => g.status).sort(), ['archived', 'draft', 'expired', 'published'])
    assert.lengthOf(await StatusChange.query().where('subjectType', 'Gallery'), 0)
  })

  test('a copy read before another process moved the row follows the row as it is now', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('published').create()
    const stale = await Gallery.findOrFail(gallery.id)
    assert.isTrue(await gallery.expire())
    // `stale` still says published: the move to draft is refused from expired…
    assert.isFalse(await stale.unpublish())
    // …and allowed moves use the state the row is really in.
    assert.isTrue(await stale.archive())
    const history = await StatusChange.of('Gallery', gallery.id)
    assert.deepEqual(history.map((change) => change.fromStatus), ['published', 'expired'])
  })

  test('two galleries cannot share a slug', async () => {
    const gallery = await GalleryFactory.create()
    await assertViolates(() => GalleryFactory.merge({ slug: gallery.slug }).create(), 'unique')
  })

  test('two galleries cannot share an access code', async () => {
    const gallery = await GalleryFactory.create()
    await assertViolates(() => GalleryFactory.merge({ accessCode: gallery.accessCode }).create(), 'unique')
  })

  test('the status must be a known one', async () => {
    await assertViolates(() => GalleryFactory.merge({ status: 'deleted' as any }).create(), 'check')
  })

  test('a selection limit must be positive', async () => {
    await assertViolates(() => GalleryFactory.merge({ selectionLimit: 0 }).create(), 'check')
  })
})
