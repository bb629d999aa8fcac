import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import Gallery from '#models/gallery'
import MediaAsset from '#models/media_asset'
import Photo from '#models/photo'
import RecordAudit from '#actions/audit/record_audit'
import { inspectImage } from '#services/images/inspect_image'
import { dispatch } from '#services/jobs/dispatch'
import { storageDisk } from '#services/media/storage_disk'
import type { ImageFormat } from '#config/images'
import type { Actor } from '#support/actor'

export type UploadPhotoResult =
  | { ok: true; photo: Photo; asset: MediaAsset }
  /** `message` says why in words the studio understands (from the upload or the image inspection). */
  | { ok: false; reason: 'invalid_upload' | 'too_large' | 'too_many_pixels' | 'unsupported' | 'corrupt'; message: string }

const EXTENSIONS: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', tiff: 'tif' }

/**
 * One uploaded file into a gallery. The bytes decide (never the name or Content-Type):
 * a rejected file is deleted and writes nothing. An accepted one is stored as
 * `media/<assetId>/original.<ext>` on the default disk, then its media asset, photo
 * (last in the gallery's order) and processing job are written in one transaction.
 * The first photo of a gallery without a cover becomes its cover.
 */
export default class UploadPhoto {
  static async handle(actor: Actor, gallery: Gallery, file: MultipartFile): Promise<UploadPhotoResult> {
    if (!file.isValid || !file.tmpPath) {
      if (file.tmpPath) await rm(file.tmpPath, { force: true })
      return { ok: false, reason: 'invalid_upload', message: file.errors[0]?.message ?? 'Choose an image to upload.' }
    }
    const inspection = await inspectImage(file.tmpPath, file.size)
    if (!inspection.ok) {
      await rm(file.tmpPath, { force: true })
      return { ok: false, reason: inspection.reason, message: inspection.message }
    }

    const assetId = randomUUID()
    const key = `media/${assetId}/original.${EXTENSIONS[inspection.format]}`
    await file.moveToDisk(key)
    let created: { photo: Photo; asset: MediaAsset }
    try {
      created = await db.transaction(async (trx) => {
        const asset = await MediaAsset.create(
          {
            id: assetId,
            disk: storageDisk(),
            key,
            originalFilename: file.clientName.slice(0, 255),
            mimeType: inspection.mimeType,
            byteSize: file.size,
            width: inspection.width,
            height: inspection.height,
            status: 'processing',
          },
          { client: trx }
        )
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
      await drive.use().delete(key).catch(() => {})
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
