import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import testUtils from '@adonisjs/core/services/test_utils'
import Photo from '#models/photo'
import { withTrashed } from '#models/concerns/soft_deletes'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { PhotoFactory } from '#database/factories/photo_factory'

test.group('Photo', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const build = () => PhotoFactory.with('gallery').with('mediaAsset')

  test('the factory creates a photo that reloads with gallery, asset, favourites and downloads', async ({ assert }) => {
    const photo = await build().create()
    const reloaded = await Photo.query()
      .where('id', photo.id)
      .preload('gallery')
      .preload('mediaAsset')
      .preload('favorites')
      .preload('downloads')
      .firstOrFail()
    assert.equal(reloaded.gallery.id, photo.galleryId)
    assert.equal(reloaded.mediaAsset.id, photo.mediaAssetId)
    assert.equal(reloaded.editingStatus, 'raw')
    assert.isFalse(reloaded.isFeatured)
  })

  test('the factory makes its own gallery and asset when none is given', async ({ assert }) => {
    const photo = await PhotoFactory.create()
    const reloaded = await Photo.query().where('id', photo.id).preload('gallery').preload('mediaAsset').firstOrFail()
    assert.equal(reloaded.gallery.status, 'draft')
    assert.equal(reloaded.mediaAsset.status, 'ready')
  })

  test('the ordered scope follows sort order', async ({ assert }) => {
    const gallery = await GalleryFactory.create()
    const [second, first] = await Promise.all([
      PhotoFactory.with('mediaAsset').merge({ galleryId: gallery.id, sortOrder: 2 }).create(),
      PhotoFactory.with('mediaAsset').merge({ galleryId: gallery.id, sortOrder: 1 }).create(),
    ])
    const photos = await gallery.related('photos').query().withScopes((s) => s.ordered())
    assert.deepEqual(
      photos.map((p) => p.id),
      [first.id, second.id]
    )
  })

  test('soft-deleted photos are hidden unless asked for', async ({ assert }) => {
    const photo = await build().create()
    await photo.softDelete()
    assert.isNull(await Photo.find(photo.id))
    assert.lengthOf(await withTrashed(Photo.query()).where('id', photo.id), 1)
  })

  test('a photo goes raw → editing → edited → approved', async ({ assert }) => {
    const photo = await build().create()
    await photo.startEditing()
    await photo.finishEditing('Warmer skin tones')
    await photo.approve()
    const reloaded = await Photo.findOrFail(photo.id)
    assert.equal(reloaded.editingStatus, 'approved')
    assert.equal(reloaded.editingNotes, 'Warmer skin tones')
    const approved = await Photo.query().withScopes((s) => s.approved())
    assert.deepEqual(
      approved.map((p) => p.id),
      [photo.id]
    )
  })

  test('an edited or approved photo can be sent back for more editing', async ({ assert }) => {
    const edited = await build().apply('edited').create()
    const approved = await build().apply('approved').create()
    await edited.sendBack('Remove the mic stand')
    await approved.sendBack('Crop tighter')
    assert.equal((await Photo.findOrFail(edited.id)).editingStatus, 'editing')
    assert.equal((await Photo.findOrFail(approved.id)).editingStatus, 'editing')
  })

  test('a raw photo cannot be approved or finished', async ({ assert }) => {
    const photo = await build().create()
    assert.throws(() => photo.approve(), /cannot go from raw to approved/)
    assert.throws(() => photo.finishEditing(), /cannot go from raw to edited/)
  })

  test('a photo being edited cannot be approved before it is edited', async ({ assert }) => {
    const photo = await build().apply('editing').create()
    assert.throws(() => photo.approve(), /cannot go from editing to approved/)
  })

  test('deleting a gallery deletes its photos', async ({ assert }) => {
    const photo = await build().create()
    await (await photo.related('gallery').query().firstOrFail()).delete()
    assert.lengthOf(await withTrashed(Photo.query()).where('id', photo.id), 0)
  })

  test('an asset in use by a photo cannot be deleted', async ({ assert }) => {
    const photo = await build().create()
    const asset = await photo.related('mediaAsset').query().firstOrFail()
    await assert.rejects(() => asset.delete())
  })

  test('a photo needs an existing gallery', async ({ assert }) => {
    const asset = await MediaAssetFactory.create()
    await assert.rejects(() => PhotoFactory.merge({ galleryId: randomUUID(), mediaAssetId: asset.id }).create())
  })

  test('the editing status must be a known one', async ({ assert }) => {
    await assert.rejects(() => build().merge({ editingStatus: 'printed' as any }).create())
  })
})
