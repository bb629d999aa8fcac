/*
| Lighthouse's gallery: one published family gallery of real pictures (every derivative
| written as the demo writes them, so the grid's images load), with a cover and alt texts.
*/
import { bootApp } from './app.js'

export interface SeededLighthouseGallery {
  slug: string
  accessCode: string
}

export async function seedLighthouseGallery(photoCount = 16): Promise<SeededLighthouseGallery> {
  const app = await bootApp()
  try {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { GalleryFactory } = await import('#database/factories/gallery_factory')
    const { PhotoFactory } = await import('#database/factories/photo_factory')
    const { DemoImagePool, storeDemoImage } = await import('#database/demo/demo_images')
    const { default: StudioSetting } = await import('#models/studio_setting')
    await StudioSetting.current()

    const gallery = await GalleryFactory.apply('published')
      .merge({ slug: 'lighthouse-family', name: 'The Rivera family, spring session', downloadEnabled: true, watermarkEnabled: false })
      .with('photoSession')
      .create()
    const images = new DemoImagePool(8, 'lighthouse')
    const photos = []
    for (let index = 0; index < photoCount; index++) {
      const asset = await storeDemoImage(await images.at(index), db.connection(), { filename: `IMG_${5000 + index}.jpg` })
      photos.push(
        await PhotoFactory.merge({ galleryId: gallery.id, mediaAssetId: asset.id, sortOrder: index + 1, altText: `The Riveras in the studio, photo ${index + 1}` }).create()
      )
    }
    gallery.coverPhotoId = photos[0].id
    await gallery.save()
    return { slug: gallery.slug, accessCode: gallery.accessCode }
  } finally {
    await app.terminate()
  }
}
