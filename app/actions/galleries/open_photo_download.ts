import type { Readable } from 'node:stream'
import drive from '@adonisjs/drive/services/main'
import Photo from '#models/photo'
import { ensureWebFile } from '#actions/galleries/ensure_web_file'
import RecordDownloads from '#actions/galleries/record_downloads'
import type { Downloader } from '#actions/galleries/gallery_viewer'
import { downloadFileOf, downloadFilename, openDownload, positionOf, stripsOriginalMetadata, type DownloadableVariant } from '#actions/galleries/download_files'

export interface OpenPhotoDownloadInput {
  photo: Photo | null
  variant: DownloadableVariant
  downloader: Downloader
  ip: string | null
}

export type OpenPhotoDownloadResult =
  | { ok: true; stream: Readable; filename: string; contentType: string; size: number | null }
  | { ok: false; reason: 'not_found' | 'unavailable' | 'downloads_disabled' | 'processing' | 'file_missing' }

/**
 * Behind a valid signed link: checks the gallery still allows it (it may have expired
 * or had downloads turned off in the 5 minutes), opens the file on its Drive disk (an
 * original without its personal metadata, see stripsOriginalMetadata) and records the download.
 */
export default class OpenPhotoDownload {
  static async handle({ photo, variant, downloader, ip }: OpenPhotoDownloadInput): Promise<OpenPhotoDownloadResult> {
    const gallery = photo?.gallery
    if (!photo || !gallery || photo.isHidden) return { ok: false, reason: 'not_found' }
    if (downloader.as !== 'studio') {
      if (!gallery.isViewable()) return { ok: false, reason: 'unavailable' }
      if (!gallery.downloadEnabled) return { ok: false, reason: 'downloads_disabled' }
    }
    const file = downloadFileOf(photo.mediaAsset, variant)
    if (!file) return { ok: false, reason: photo.mediaAsset.status === 'processing' ? 'processing' : 'file_missing' }

    const disk = drive.use(photo.mediaAsset.disk as any)
    // A missing web-size file is made now; a lost original can only be explained.
    if (file.original && !(await disk.exists(file.key))) return { ok: false, reason: 'file_missing' }
    if (!file.original) await ensureWebFile(photo.mediaAsset, file.key)
    const strip = file.original && (await stripsOriginalMetadata(downloader))
    const { contentLength } = await disk.getMetaData(file.key)
    const stream = await openDownload(photo.mediaAsset, file, strip)
    const { position, total } = await positionOf(photo)
    await RecordDownloads.handle({ galleryId: gallery.id, photoIds: [photo.id], variant, downloader, ip })
    const filename = downloadFilename(position, total, gallery.slug, file.extension)
    // A stripped original is shorter than the stored file: no length announced.
    return { ok: true, stream, filename, contentType: file.contentType, size: strip ? null : (contentLength ?? null) }
  }
}
