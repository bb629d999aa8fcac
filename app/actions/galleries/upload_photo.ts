import type { MultipartFile } from '@adonisjs/core/bodyparser'
import db from '@adonisjs/lucid/services/db'
import Gallery from '#models/gallery'
import type MediaAsset from '#models/media_asset'
import Photo from '#models/photo'
import RecordAudit from '#actions/audit/record_audit'
import { acceptImageUpload, type RejectedImage } from '#services/images/accept_image_upload'
import { dispatch } from '#services/jobs/dispatch'
import type { Actor } from '#support/actor'

export type UploadPhotoResult =
  | { ok: true; photo: Photo; asset: MediaAsset }
  /** `message` says why in words the studio understands (from the upload or the image inspection). */
  | RejectedImage

/**
 * One uploaded file into a gallery. The bytes decide (never the name or Content-Type):
 * a rejected file is deleted and writes nothing. An accepted one is stored as
 * `media/<assetId>/original.<ext>` on the default disk, then its media asset, photo
 * (last in the gallery's order) and processing job are written in one transaction.
 * The first photo of a gallery without a cover becomes its cover.
 */
export default class UploadPhoto {
  static async handle(actor: Actor, gallery: Gallery, file: MultipartFile): Promise<UploadPhotoResult> {
    const upload = await acceptImageUpload(file)
    if (!upload.ok) return upload

    let created: { photo: Photo; asset: MediaAsset }
    try {
      created = await db.transaction(async (trx) => {
        const asset = await upload.createAsset(trx)
        const last = await trx.from('photos').where('gallery_id', gallery.id).max('sort_order as max').first()
        const photo = await Photo.create(
          { galleryId: gallery.id, mediaAssetId: asset.id, sortOrder: Number(last?.max ?? -1) + 1, editingStatus: 'raw' },
          { client: trx }
        )
        await Gallery.query({ client: trx }).where('id', gallery.id).whereNull('cover_photo_id').update({ coverPhotoId: photo.id })
        await dispatch('media.process', { mediaAssetId: asset.id, watermark: true }, { client: trx })
        await Gallery.photosChanged(gallery.id, trx)
        return { photo, asset }
      })
    } catch (error) {
      await upload.discard()
      throw error
    }
    await RecordAudit.handle(actor, {
      action: 'photo.uploaded',
      subject: { type: 'photo', id: created.photo.id },
      details: { galleryId: gallery.id, filename: created.asset.originalFilename, bytes: file.size },
    })
    return { ok: true, ...created }
  }
}
