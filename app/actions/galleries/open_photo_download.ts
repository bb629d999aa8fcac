import type { Readable } from 'node:stream'
import drive from '@adonisjs/drive/services/main'
import Photo from '#models/photo'
import RecordDownloads from '#actions/galleries/record_downloads'
import { customerRefusal, type Downloader } from '#services/downloads/download_access'
import { downloadFileOf, downloadFilename, positionOf, type DownloadableVariant } from '#services/downloads/download_files'
import type { DownloadRefusal } from '#services/downloads/refusals'

export interface OpenPhotoDownloadInput {
  photo: Photo | null
  variant: DownloadableVariant
  downloader: Downloader
  ip: string | null
}

export type OpenPhotoDownloadResult =
  | { ok: true; stream: Readable; filename: string; contentType: string; size: number | null }
  | { ok: false; reason: DownloadRefusal }

/**
 * Behind a valid signed link: checks the gallery still allows it (it may have expired
 * or had downloads turned off in the 5 minutes), opens the file on its Drive disk and
 * records the download.
 */
export default class OpenPhotoDownload {
  static async handle({ photo, variant, downloader, ip }: OpenPhotoDownloadInput): Promise<OpenPhotoDownloadResult> {
    const gallery = photo?.gallery
    if (!photo || !gallery || photo.isHidden) return { ok: false, reason: 'not_found' }
    const refused = downloader.as === 'studio' ? null : customerRefusal(gallery)
    if (refused) return { ok: false, reason: refused }
    const file = downloadFileOf(photo.mediaAsset, variant)
    if (!file) return { ok: false, reason: 'not_found' }

    const disk = drive.use(photo.mediaAsset.disk as any)
    if (!(await disk.exists(file.key))) return { ok: false, reason: 'not_found' }
    const { contentLength } = await disk.getMetaData(file.key)
    const stream = await disk.getStream(file.key)
    const { position, total } = await positionOf(photo)
    await RecordDownloads.handle({ galleryId: gallery.id, photoIds: [photo.id], variant, downloader, ip })
    const filename = downloadFilename(position, total, gallery.slug, file.extension)
    return { ok: true, stream, filename, contentType: file.contentType, size: contentLength ?? null }
  }
}
