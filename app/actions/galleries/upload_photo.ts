import type { MultipartFile } from '@adonisjs/core/bodyparser'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Gallery from '#models/gallery'
import type MediaAsset from '#models/media_asset'
import Photo from '#models/photo'
import RecordAudit from '#actions/audit/record_audit'
import { acceptImageUpload, type RejectedImage } from '#services/images/accept_image_upload'
import { dispatch } from '#services/jobs/dispatch'
import type { Actor } from '#support/actor'

/** Where the file stood among those picked together (file-name order), if the uploader says. */
export interface UploadPlace {
  batch: string
  position: number
}

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
  static async handle(actor: Actor, gallery: Gallery, file: MultipartFile, place: UploadPlace | null = null): Promise<UploadPhotoResult> {
    const upload = await acceptImageUpload(file)
    if (!upload.ok) return upload

    let created: { photo: Photo; asset: MediaAsset }
    try {
      created = await db.transaction(async (trx) => {
        const asset = await upload.createAsset(trx)
        const sortOrder = await this.placeOf(gallery.id, place, trx)
        const photo = await Photo.create(
          { galleryId: gallery.id, mediaAssetId: asset.id, sortOrder, editingStatus: 'raw', uploadBatch: place?.batch ?? null, uploadPosition: place?.position ?? null },
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

  /**
   * Last in the gallery, unless a file picked after this one in the same batch finished
   * first: then just before the first of those, the photos from there on moving down one.
   * The gallery row is locked first, so parallel uploads place themselves one at a time.
   */
  private static async placeOf(galleryId: string, place: UploadPlace | null, trx: TransactionClientContract) {
    await trx.from('galleries').where('id', galleryId).forUpdate().select('id').first()
    if (place) {
      const later = await trx
        .from('photos')
        .where({ gallery_id: galleryId, upload_batch: place.batch })
        .where('upload_position', '>', place.position)
        .min('sort_order as first')
        .first()
      if (later?.first !== null && later?.first !== undefined) {
        const first = Number(later.first)
        await trx.from('photos').where('gallery_id', galleryId).where('sort_order', '>=', first).increment('sort_order', 1)
        return first
      }
    }
    const last = await trx.from('photos').where('gallery_id', galleryId).max('sort_order as max').first()
    return Number(last?.max ?? -1) + 1
  }
}
