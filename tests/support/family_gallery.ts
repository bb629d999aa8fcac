import { randomUUID } from 'node:crypto'
import hash from '@adonisjs/core/services/hash'
import drive from '@adonisjs/drive/services/main'
import type { ApiResponse } from '@japa/api-client'
import type Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import { visitorCookieName } from '#controllers/site/gallery_access'
import { UserFactory } from '#database/factories/user_factory'
import { PackageFactory } from '#database/factories/package_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import ProcessMediaAsset from '#jobs/process_media_asset'
import { gradientJpeg } from '#tests/support/images'

type GalleryState = 'published' | 'expired' | 'archived' | 'trashed' | 'draft'

/**
 * A family, its photo session (with a package of `includedPhotos` at `extraPrice` cents
 * each) and a gallery of it with `photos` ready photos. `password` sets a gallery password.
 */
export async function createFamilyGallery(
  options: { photos?: number; includedPhotos?: number; extraPrice?: number; password?: string; state?: GalleryState; merge?: Partial<Gallery> } = {}
) {
  const family = await UserFactory.create()
  const pkg = await PackageFactory.merge({ includedPhotos: options.includedPhotos ?? 10, extraPhotoPrice: options.extraPrice ?? 1500 }).create()
  const photoSession = await PhotoSessionFactory.merge({ userId: family.id, packageId: pkg.id }).create()
  const state = options.state ?? 'published'
  const builder = GalleryFactory.merge({
    photoSessionId: photoSession.id,
    passwordHash: options.password ? await hash.make(options.password) : null,
    ...options.merge,
  })
  const gallery = await (state === 'draft' ? builder : state === 'trashed' ? builder.apply('published', 'trashed') : builder.apply(state)).create()
  const photos = []
  for (let index = 0; index < (options.photos ?? 3); index++) {
    photos.push(await PhotoFactory.merge({ galleryId: gallery.id, sortOrder: index }).create())
  }
  return { family, pkg, photoSession, gallery, photos }
}

/** A visitor of the gallery with a pass for one browser (its cookie), as if they had entered the code. */
export async function createVisitor(gallery: Gallery, email = 'grandma@example.com', userId: string | null = null) {
  const visitor = await GalleryVisitor.forEmail(gallery, email, userId)
  const token = await visitor.issuePass(gallery)
  return { visitor, cookie: [visitorCookieName(gallery), token] as [string, string] }
}

/** The visitor token a response set (encrypted cookie), for the next request. */
export function visitorTokenFrom(response: ApiResponse, gallery: Gallery) {
  return response.cookie(visitorCookieName(gallery))?.value as string | undefined
}

/**
 * Real images stored and run through the image pipeline (thumbnails, previews, watermarked
 * files exist), as gallery photos in order. `shapes` cycles: landscape 900×600 by default.
 */
export async function addProcessedPhotos(gallery: Gallery, count: number, shapes: [number, number][] = [[900, 600]]) {
  const photos = []
  for (let index = 0; index < count; index++) {
    const id = randomUUID()
    const key = `media/${id}/original.jpg`
    const [width, height] = shapes[index % shapes.length]
    await drive.use('fs').put(key, await gradientJpeg(width, height))
    await MediaAssetFactory.apply('processing').merge({ id, key, width, height }).create()
    await new ProcessMediaAsset().handle({ mediaAssetId: id, watermark: true })
    photos.push(await PhotoFactory.merge({ galleryId: gallery.id, mediaAssetId: id, sortOrder: index, altText: `Photo number ${index + 1}` }).create())
  }
  return photos
}
