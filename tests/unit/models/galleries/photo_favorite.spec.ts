import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import PhotoFavorite from '#models/photo_favorite'
import { GalleryVisitorFactory } from '#database/factories/gallery_visitor_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { PhotoFavoriteFactory } from '#database/factories/photo_favorite_factory'
import { UserFactory } from '#database/factories/user_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Photo favourite', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const photo = () => PhotoFactory.with('gallery').with('mediaAsset').create()

  test('the factory creates favourites by a user and by a visitor that reload with their relations', async ({
    assert,
  }) => {
    const byUser = await PhotoFavoriteFactory.with('photo', 1, (p) => p.with('gallery').with('mediaAsset'))
      .with('user')
      .create()
    const byVisitor = await PhotoFavoriteFactory.with('photo', 1, (p) => p.with('gallery').with('mediaAsset'))
      .with('galleryVisitor', 1, (v) => v.with('gallery'))
      .create()
    const user = await PhotoFavorite.query().where('id', byUser.id).preload('photo').preload('user').firstOrFail()
    const visitor = await PhotoFavorite.query().where('id', byVisitor.id).preload('galleryVisitor').firstOrFail()
    assert.equal(user.photo.id, byUser.photoId)
    assert.equal(user.user.id, byUser.userId)
    assert.equal(visitor.galleryVisitor.id, byVisitor.galleryVisitorId)
  })

  test('deleting the photo deletes its favourites', async ({ assert }) => {
    const favorite = await PhotoFavoriteFactory.with('photo', 1, (p) => p.with('gallery').with('mediaAsset'))
      .with('user')
      .create()
    await (await favorite.related('photo').query().firstOrFail()).delete()
    assert.isNull(await PhotoFavorite.find(favorite.id))
  })

  test('a user favourites a photo once', async () => {
    const [target, user] = await Promise.all([photo(), UserFactory.create()])
    await PhotoFavorite.create({ photoId: target.id, userId: user.id })
    await assertViolates(() => PhotoFavorite.create({ photoId: target.id, userId: user.id }), 'unique')
  })

  test('a visitor favourites a photo once', async () => {
    const target = await photo()
    const visitor = await GalleryVisitorFactory.merge({ galleryId: target.galleryId }).create()
    await PhotoFavorite.create({ photoId: target.id, galleryVisitorId: visitor.id })
    await assertViolates(() => PhotoFavorite.create({ photoId: target.id, galleryVisitorId: visitor.id }), 'unique')
  })

  test('a favourite needs a user or a visitor', async () => {
    const target = await photo()
    await assertViolates(() => PhotoFavorite.create({ photoId: target.id }), 'check')
  })

  test('a favourite cannot belong to a user and a visitor at once', async () => {
    const target = await photo()
    const [user, visitor] = await Promise.all([
      UserFactory.create(),
      GalleryVisitorFactory.merge({ galleryId: target.galleryId }).create(),
    ])
    await assertViolates(() => PhotoFavorite.create({ photoId: target.id, userId: user.id, galleryVisitorId: visitor.id }), 'check')
  })
})
