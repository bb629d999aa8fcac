import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type Gallery from '#models/gallery'
import Photo, { type EditingStatus } from '#models/photo'
import { type DemoImagePool, storeDemoImage } from '#database/demo/demo_images'
import type { GallerySpec } from '#database/demo/galleries/plan'

const MOMENTS = [
  'air guitar solo',
  'mic drop',
  'drum fill',
  'jumping off the amp',
  'power stance',
  'backstage laugh',
  'crowd wave',
  'final bow',
]
const NOTES = ['Favourite of the set', 'Slight motion blur: keep as candid', 'Crop for 8x10', 'Great album-cover candidate']

/** Draft galleries are mid-retouch; delivered ones hold approved photos (a few still edited). */
function editingStatus(spec: GallerySpec, index: number): EditingStatus {
  if (spec.status === 'draft') return (['raw', 'editing', 'edited'] as const)[(index + spec.photoCount) % 3]
  return index % 9 === 8 ? 'edited' : 'approved'
}

/** Creates the gallery's photos with their images and returns them in order. */
export async function seedPhotos(
  client: QueryClientContract,
  gallery: Gallery,
  spec: GallerySpec,
  images: DemoImagePool,
  offset: number
) {
  const { rng } = spec
  const included = spec.session?.package.includedPhotos ?? 0
  const featured = new Set([rng.int(0, spec.photoCount - 1), rng.int(0, spec.photoCount - 1)])
  const subject = spec.session ? (spec.session.children?.[0]?.firstName ?? 'Our rocker') : 'The band'
  // one gallery in five shows a photo the studio removed
  const trashLast = rng.chance(0.2)
  const photos: Photo[] = []
  for (let index = 0; index < spec.photoCount; index++) {
    const asset = await storeDemoImage(await images.at(offset + index), client, {
      filename: `IMG_${String(4000 + offset + index).padStart(4, '0')}.jpg`,
      tags: ['session', spec.status],
    })
    photos.push(
      await Photo.create(
        {
          galleryId: gallery.id,
          mediaAssetId: asset.id,
          altText: `${subject}: ${MOMENTS[(offset + index) % MOMENTS.length]}`,
          editingStatus: editingStatus(spec, index),
          isComplimentary: index < included,
          isFeatured: featured.has(index),
          sortOrder: index + 1,
          photographerNotes: rng.chance(0.15) ? rng.pick(NOTES) : null,
          editingNotes: null,
          deletedAt: trashLast && index === spec.photoCount - 1 ? DateTime.now().minus({ days: 1 }) : null,
        },
        { client }
      )
    )
  }
  return photos.filter((photo) => !photo.deletedAt)
}
