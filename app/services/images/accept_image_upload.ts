import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import drive from '@adonisjs/drive/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import MediaAsset from '#models/media_asset'
import { inspectImage } from '#services/images/inspect_image'
import { storageDisk } from '#services/media/storage_disk'
import type { ImageFormat } from '#config/images'

const EXTENSIONS: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', tiff: 'tif' }

export type AcceptedImage = {
  ok: true
  /** Writes the media asset row in the caller's transaction; `discard()` deletes the stored file if that fails. */
  createAsset: (trx: TransactionClientContract) => Promise<MediaAsset>
  discard: () => Promise<void>
}
export type RejectedImage = { ok: false; reason: 'invalid_upload' | 'too_large' | 'too_many_pixels' | 'unsupported' | 'corrupt'; message: string }

/**
 * An uploaded picture judged by its bytes (as gallery uploads are) and, if accepted,
 * stored as `media/<assetId>/original.<ext>`. A rejected file is deleted and writes nothing.
 * The caller creates the asset row and dispatches `media.process` in its transaction.
 */
export async function acceptImageUpload(file: MultipartFile): Promise<AcceptedImage | RejectedImage> {
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
  return {
    ok: true,
    createAsset: (trx) =>
      MediaAsset.create(
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
      ),
    discard: () => drive.use().delete(key).catch(() => {}),
  }
}
