import db from '@adonisjs/lucid/services/db'
import Gallery from '#models/gallery'
import MediaAsset from '#models/media_asset'
import RecordAudit from '#actions/audit/record_audit'
import { dispatch } from '#services/jobs/dispatch'
import type { Actor } from '#support/actor'

/**
 * Sends failed photos of a gallery (one, or all) back through the image pipeline. The
 * asset row is locked while it flips to processing, so a double click queues one job.
 */
export default class ReprocessPhotos {
  static async handle(actor: Actor, gallery: Gallery, photoId?: string) {
    const query = db
      .from('photos')
      .join('media_assets', 'media_assets.id', 'photos.media_asset_id')
      .where('photos.gallery_id', gallery.id)
      .whereNull('photos.deleted_at')
      .where('media_assets.status', 'failed')
      .select('media_assets.id')
    if (photoId) query.where('photos.id', photoId)
    const assetIds: string[] = (await query).map((row) => row.id)

    let queued = 0
    for (const assetId of assetIds) {
      await db.transaction(async (trx) => {
        const asset = await MediaAsset.query({ client: trx }).where('id', assetId).forUpdate().first()
        if (!asset || asset.status !== 'failed') return
        await asset.useTransaction(trx).reprocess()
        await dispatch('media.process', { mediaAssetId: asset.id, watermark: true }, { client: trx })
        await Gallery.photosChanged(gallery.id, trx)
        queued++
      })
    }
    if (queued > 0) {
      await RecordAudit.handle(actor, {
        action: 'gallery.photos_reprocessed',
        subject: { type: 'gallery', id: gallery.id },
        details: { photos: queued, photoId: photoId ?? null },
      })
    }
    return queued
  }
}
