import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import testUtils from '@adonisjs/core/services/test_utils'
import Photo from '#models/photo'
import { withTrashed } from '#models/concerns/soft_deletes'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import StatusChange from '#models/status_change'
import { assertViolates } from '#tests/support/violations'

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

  test('a photo goes raw → editing → edited → approved, each step in its history', async ({ assert }) => {
    const photo = await build().create()
    assert.isTrue(await photo.startEditing())
    assert.isTrue(await photo.finishEditing('Warmer skin tones'))
    assert.isTrue(await photo.approve())
    const reloaded = await Photo.findOrFail(photo.id)
    assert.equal(reloaded.editingStatus, 'approved')
    assert.equal(reloaded.editingNotes, 'Warmer skin tones')
    const approved = await Photo.query().withScopes((s) => s.approved())
    assert.deepEqual(
      approved.map((p) => p.id),
      [photo.id]
    )
    const history = await StatusChange.of('Photo', photo.id)
    assert.deepEqual(history.map((c) => c.toStatus), ['editing', 'edited', 'approved'])
  })

  test('an edited or approved photo can be sent back for more editing, with what to change', async ({ assert }) => {
    const edited = await build().apply('edited').create()
    const approved = await build().apply('approved').create()
    assert.isTrue(await edited.sendBack('Remove the mic stand'))
    assert.isTrue(await approved.sendBack('Crop tighter'))
    const reloaded = await Photo.findOrFail(edited.id)
    assert.equal(reloaded.editingStatus, 'editing')
    assert.equal(reloaded.editingNotes, 'Remove the mic stand')
    assert.equal((await Photo.findOrFail(approved.id)).editingStatus, 'editing')
    assert.equal((await StatusChange.of('Photo', approved.id))[0].note, 'Crop tighter')
  })

  test('a raw photo cannot be approved or finished, nor one being edited approved', async ({ assert }) => {
    const raw = await build().create()
    const editing = await build().apply('editing').create()
    assert.isFalse(await raw.approve())
    assert.isFalse(await raw.finishEditing('Done?'))
    assert.isFalse(await editing.approve())
    const [a, b] = [await Photo.findOrFail(raw.id), await Photo.findOrFail(editing.id)]
    assert.equal(a.editingStatus, 'raw')
    assert.notEqual(a.editingNotes, 'Done?')
    assert.equal(b.editingStatus, 'editing')
    assert.lengthOf(await StatusChange.query().where('subject_type', 'Photo'), 0)
  })

 test('deleting a gallery deletes its photos', async ({ assert }) => {
    const photo = await build().create()
    await (await photo.related('gallery').query().firstOrFail()).delete()
    assert.lengthOf(await withTrashed(Photo.query()).where('id', photo.id), 0)
  })

  test('an asset in use by a photo cannot be deleted', async () => {
    const photo = await build().create()
    const asset = await photo.related('mediaAsset').query().firstOrFail()
    await assertViolates(() => asset.delete(), 'foreign_key')
  })

  test('a photo needs an existing gallery', async () => {
    const asset = await MediaAssetFactory.create()
    await assertViolates(() => PhotoFactory.merge({ galleryId: randomUUID(), mediaAssetId: asset.id }).create(), 'foreign_key')
  })

  test('the editing status must be a known one', async () => {
    await assertViolates(() => build().merge({ editingStatus: 'printed' as any }).create(), 'check')
  })
})
