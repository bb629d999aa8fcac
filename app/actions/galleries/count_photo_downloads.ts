import db from '@adonisjs/lucid/services/db'
import type Gallery from '#models/gallery'
import Photo from '#models/photo'
import { mediaUrl } from '#services/media/media_urls'

export interface PhotoDownloadCount {
  photo: Photo
  total: number
  originals: number
  thumbUrl: string | null
}

/** Downloads per photo by the family and its visitors, most downloaded first. */
export default class CountPhotoDownloads {
  static async handle(gallery: Gallery, limit = 50): Promise<PhotoDownloadCount[]> {
    const rows = await db
      .from('downloads')
      .join('photos', 'photos.id', 'downloads.photo_id')
      .where('photos.gallery_id', gallery.id)
      // Family and visitors only: the studio's own downloads carry no visitor.
      .whereNotNull('downloads.gallery_visitor_id')
      .select('downloads.photo_id')
      .count('* as total')
      .select(db.raw(`sum(case when downloads.variant = 'original' then 1 else 0 end) as originals`))
      .groupBy('downloads.photo_id')
      .orderBy('total', 'desc')
      .orderBy('downloads.photo_id')
      .limit(limit)
    if (!rows.length) return []

    const photos = await Photo.query()
      .whereIn('id', rows.map((row) => row.photo_id))
      .preload('mediaAsset')
    const byId = new Map(photos.map((photo) => [photo.id, photo]))
    return rows
      .filter((row) => byId.has(row.photo_id))
      .map((row) => {
        const photo = byId.get(row.photo_id)!
        const thumbUrl = photo.mediaAsset.variants?.thumb ? mediaUrl(photo.mediaAssetId, 'thumb', 'studio') : null
        return { photo, total: Number(row.total), originals: Number(row.originals), thumbUrl }
      })
  }
}
