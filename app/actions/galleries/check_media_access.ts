import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { WATERMARKED_VARIANTS, type MediaVariant } from '#services/media/media_urls'
import { sqlTime } from '#support/db/sql_time'

interface GalleryMedia {
  /** Published, not past its expiry, not deleted. */
  live: boolean
  watermarked: boolean
  /** Media assets of its hidden or deleted photos. */
  withheld: Set<string>
}

/** How stale the answer may be: a closed gallery's photos stop within this. */
export const MEDIA_CHECK_TTL_MS = 60_000
const MAX_GALLERIES = 10_000
const checked = new Map<string, { at: number; media: Promise<GalleryMedia> }>()

/**
 * May a signed URL for a gallery's viewers still be served? Only while the gallery is
 * live, for a photo that is neither hidden nor deleted, and, in a watermarked gallery, for
 * a watermarked size. Each gallery's state is read in one query and kept in this process
 * for a minute (the in-flight read shared by concurrent requests), so a 500-photo grid
 * costs at most one query a minute, and a closed gallery's links stop within a minute.
 */
export default class CheckMediaAccess {
  static async handle(galleryId: string, mediaAssetId: string, variant: MediaVariant, now = Date.now()) {
    let entry = checked.get(galleryId)
    if (!entry || now - entry.at >= MEDIA_CHECK_TTL_MS) {
      entry = { at: now, media: read(galleryId, now) }
      checked.delete(galleryId)
      checked.set(galleryId, entry)
      if (checked.size > MAX_GALLERIES) checked.delete(checked.keys().next().value!)
      entry.media.catch(() => checked.delete(galleryId))
    }
    const media = await entry.media
    if (!media.live || media.withheld.has(mediaAssetId)) return false
    return !media.watermarked || WATERMARKED_VARIANTS.includes(variant)
  }
}

async function read(galleryId: string, now: number): Promise<GalleryMedia> {
  const rows = await db
    .from('galleries')
    .leftJoin('photos', (join) => {
      join.on('photos.gallery_id', '=', 'galleries.id').andOn((withheld) => {
        withheld.onVal('photos.is_hidden', '=', true).orOnNotNull('photos.deleted_at')
      })
    })
    .where('galleries.id', galleryId)
    .select('galleries.watermark_enabled', 'photos.media_asset_id')
    .select(
      db.raw(
        `case when galleries.status = 'published' and galleries.deleted_at is null
          and (galleries.expires_at is null or galleries.expires_at > ?) then 1 else 0 end as live`,
        [sqlTime(DateTime.fromMillis(now))]
      )
    )
  const gallery = rows[0]
  if (!gallery) return { live: false, watermarked: true, withheld: new Set() }
  return {
    live: Number(gallery.live) === 1,
    watermarked: !!gallery.watermark_enabled,
    withheld: new Set(rows.map((row) => row.media_asset_id).filter(Boolean)),
  }
}
