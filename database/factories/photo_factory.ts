import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Photo from '#models/photo'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { ensureParent } from '#database/factories/support/parent'

/** The gallery and media asset are made when not given. */
export const PhotoFactory = factory
  .define(Photo, ({ faker }) => ({
    altText: faker.lorem.words(5),
    editingStatus: 'raw' as const,
    isComplimentary: false,
    isFeatured: false,
    sortOrder: faker.number.int({ min: 0, max: 100 }),
    photographerNotes: null,
    editingNotes: null,
  }))
  .before('create', async (builder, model, ctx) => {
    model.galleryId = (await ensureParent(builder, 'gallery', model.galleryId, () =>
      GalleryFactory.query().useCtx(ctx).create()
    ))!
    model.mediaAssetId = (await ensureParent(builder, 'mediaAsset', model.mediaAssetId, () =>
      MediaAssetFactory.query().useCtx(ctx).create()
    ))!
  })
  .state('editing', (photo) => (photo.editingStatus = 'editing'))
  .state('edited', (photo) => (photo.editingStatus = 'edited'))
  .state('approved', (photo) => (photo.editingStatus = 'approved'))
  .state('featured', (photo) => (photo.isFeatured = true))
  .state('trashed', (photo) => (photo.deletedAt = DateTime.now()))
  .relation('gallery', () => GalleryFactory)
  .relation('mediaAsset', () => MediaAssetFactory)
  .build()
