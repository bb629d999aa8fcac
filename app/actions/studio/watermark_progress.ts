import db from '@adonisjs/lucid/services/db'

export interface WatermarkProgress {
  /** Ready photos of watermarked galleries. */
  total: number
  /** Those marked with the studio's current watermark. */
  done: number
}

/** "Re-made for 120 of 300 photos": where the re-marking after a watermark change is. */
export default class WatermarkProgressOf {
  static async handle(version: number): Promise<WatermarkProgress> {
    const row = await db
      .from('photos')
      .join('media_assets', 'media_assets.id', 'photos.media_asset_id')
      .join('galleries', 'galleries.id', 'photos.gallery_id')
      .where('galleries.watermark_enabled', true)
      .whereNull('galleries.deleted_at')
      .whereNull('photos.deleted_at')
      .where('media_assets.status', 'ready')
      .select(db.raw('count(*) as total'), db.raw('sum(case when media_assets.watermark_version = ? then 1 else 0 end) as done', [version]))
      .first()
    return { total: Number(row?.total ?? 0), done: Number(row?.done ?? 0) }
  }
}
