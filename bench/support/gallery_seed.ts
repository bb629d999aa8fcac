/*
| The gallery bench's data, written through Loupe's own factories into the bench's
| PostgreSQL database: published galleries of N photos whose media assets are ready (the
| page only prints signed URLs, so the files need not exist), each with a photo session
| and family, and a visitor (not the family: a grandparent, say) with a few favourites.
*/
import { randomUUID } from 'node:crypto'
import { bootApp } from './app.js'

export interface SeededGallery {
  slug: string
  accessCode: string
  photos: number
  visitorEmail: string
}

export async function seedGalleries(photoCounts: number[]): Promise<SeededGallery[]> {
  const app = await bootApp()
  try {
    const { GalleryFactory } = await import('#database/factories/gallery_factory')
    const { MediaAssetFactory } = await import('#database/factories/media_asset_factory')
    const { PhotoFactory } = await import('#database/factories/photo_factory')
    const { GalleryVisitorFactory } = await import('#database/factories/gallery_visitor_factory')
    const { PhotoFavoriteFactory } = await import('#database/factories/photo_favorite_factory')
    const { default: StudioSetting } = await import('#models/studio_setting')
    await StudioSetting.current()

    const seeded: SeededGallery[] = []
    for (const count of photoCounts) {
      const gallery = await GalleryFactory.apply('published')
        .merge({ slug: `bench-${count}-photos`, name: `Bench family session (${count} photos)` })
        .with('photoSession')
        .create()
      const assets = await MediaAssetFactory.merge(
        Array.from({ length: count }, () => {
          const id = randomUUID()
          const variants = {
            thumb: `media/${id}/thumb.webp`,
            preview: `media/${id}/preview.webp`,
            web: `media/${id}/web.jpg`,
            watermarked: `media/${id}/watermarked.webp`,
          }
          return { id, key: `media/${id}/original.jpg`, variants, tags: ['landscape', 'balanced-light', 'green'] }
        })
      ).createMany(count)
      const photos = await PhotoFactory.merge(
        assets.map((asset, index) => ({ galleryId: gallery.id, mediaAssetId: asset.id, sortOrder: index }))
      ).createMany(count)
      gallery.coverPhotoId = photos[0].id
      await gallery.save()

      const visitorEmail = `grandparent-${count}@bench.loupe.test`
      const visitor = await GalleryVisitorFactory.merge({ galleryId: gallery.id, email: visitorEmail }).create()
      const favourites = photos.filter((_, index) => index % 20 === 0)
      await PhotoFavoriteFactory.merge(favourites.map((photo) => ({ photoId: photo.id, galleryVisitorId: visitor.id }))).createMany(
        favourites.length
      )
      seeded.push({ slug: gallery.slug, accessCode: gallery.accessCode, photos: count, visitorEmail })
    }
    return seeded
  } finally {
    await app.terminate()
  }
}
