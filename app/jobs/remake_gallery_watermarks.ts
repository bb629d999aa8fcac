import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import Gallery from '#models/gallery'
import StudioSetting from '#models/studio_setting'
import type { MediaVariants } from '#models/media_asset'
import { makeWatermarked } from '#services/images/derivatives'
import { imageSlots } from '#services/images/image_slots'
import { studioWatermark } from '#services/images/studio_watermark'
import type { JobHandler } from '#services/jobs/job_handler'

interface Payload {
  galleryId: string
  version: number
}

/** Photos re-marked between two bumps of the gallery's photos_version (the grid picks them up as they come). */
const BATCH = 10

/**
 * After the studio changed its watermark: re-makes the watermarked preview and thumbnail
 * of every ready photo of one gallery still marked with an older version, from the clean
 * preview, under new file names (so no browser keeps showing the old mark), then records
 * the version on the image: progress is the count of photos at the studio's version.
 * A newer change of the watermark makes this job stop: its own job takes over.
 */
export default class RemakeGalleryWatermarks implements JobHandler<Payload> {
  async handle({ galleryId, version }: Payload) {
    const settings = await StudioSetting.current()
    if (settings.watermarkVersion !== version) return
    const mark = await studioWatermark(settings)
    const rows = await db
      .from('photos')
      .join('media_assets', 'media_assets.id', 'photos.media_asset_id')
      .where('photos.gallery_id', galleryId)
      .whereNull('photos.deleted_at')
      .where('media_assets.status', 'ready')
      .where((query) => query.whereNull('media_assets.watermark_version').orWhere('media_assets.watermark_version', '<>', version))
      .select('media_assets.id', 'media_assets.disk', 'media_assets.key', 'media_assets.variants')
    let done = 0
    for (const row of rows) {
      if (done % BATCH === 0 && (await StudioSetting.current()).watermarkVersion !== version) return
      await imageSlots.run(() => remark(row, mark, version))
      if (++done % BATCH === 0) await Gallery.photosChanged(galleryId)
    }
    if (done % BATCH !== 0) await Gallery.photosChanged(galleryId)
  }
}

async function remark(row: { id: string; disk: string; key: string; variants: unknown }, mark: Awaited<ReturnType<typeof studioWatermark>>, version: number) {
  const variants: MediaVariants = (typeof row.variants === 'string' ? JSON.parse(row.variants) : row.variants) ?? {}
  const disk = drive.use(row.disk as any)
  const sourceKey = variants.preview && (await disk.exists(variants.preview)) ? variants.preview : row.key
  const bytes = await disk.getBytes(sourceKey)
  const made = await makeWatermarked(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), mark)
  const folder = row.key.slice(0, row.key.lastIndexOf('/'))
  const next = { ...variants, watermarked: `${folder}/watermarked.v${version}.webp`, watermarkedThumb: `${folder}/watermarked_thumb.v${version}.webp` }
  await Promise.all([disk.put(next.watermarked, made.watermarked), disk.put(next.watermarkedThumb, made.watermarkedThumb)])
  await db.from('media_assets').where('id', row.id).update({ variants: JSON.stringify(next), watermark_version: version })
  // The old marks go once nothing points at them.
  for (const old of [variants.watermarked, variants.watermarkedThumb]) {
    if (old && old !== next.watermarked && old !== next.watermarkedThumb) await disk.delete(old).catch(() => {})
  }
}
