import type { Readable } from 'node:stream'
import type Gallery from '#models/gallery'
import PhotoFavorite from '#models/photo_favorite'
import RecordDownloads from '#actions/galleries/record_downloads'
import { downloaderOf, type GalleryViewer } from '#actions/galleries/gallery_viewer'
import { downloadablePhotos, downloadFileOf, downloadFilename, openDownload, stripsOriginalMetadata, type DownloadableVariant } from '#actions/galleries/download_files'
import { zipStream, type ZipEntry } from '#services/downloads/zip_stream'
import { ARCHIVES_AT_ONCE, claimArchiveSlot } from '#actions/galleries/archive_slots'

export const ARCHIVE_SETS = ['all', 'favorites'] as const
export type ArchiveSet = (typeof ARCHIVE_SETS)[number]

export interface StreamGalleryArchiveInput {
  gallery: Gallery
  viewer: GalleryViewer
  set: ArchiveSet
  variant: DownloadableVariant
  ip: string | null
}

export type StreamGalleryArchiveResult =
  | { ok: true; stream: Readable; filename: string; count: number }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'too_many_at_once'; limit: number }

/**
 * "Download all" or "download favourites" as a ZIP streamed while it is built. Files
 * keep their number in the whole gallery (photo 7 is 007-… in both ZIPs). Each photo
 * written becomes a downloads row once the last one is in. A visitor streams at most
 * ARCHIVES_AT_ONCE ZIPs at a time: the slot is given back when the ZIP ends, complete or not.
 */
export default class StreamGalleryArchive {
  static async handle({ gallery, viewer, set, variant, ip }: StreamGalleryArchiveInput): Promise<StreamGalleryArchiveResult> {
    const photos = await downloadablePhotos(gallery.id)
    const wanted = set === 'favorites' ? await favoritePhotoIds(gallery, viewer) : null
    const downloader = downloaderOf(viewer)
    const strip = variant === 'original' && (await stripsOriginalMetadata(downloader))
    const entries: ZipEntry<string>[] = []
    photos.forEach((photo, index) => {
      const file = downloadFileOf(photo.mediaAsset, variant)
      if (!file || (wanted && !wanted.has(photo.id))) return
      entries.push({
        name: downloadFilename(index + 1, photos.length, gallery.slug, file.extension),
        date: photo.createdAt.toJSDate(),
        open: () => openDownload(photo.mediaAsset, file, strip),
        item: photo.id,
      })
    })
    if (!entries.length) return { ok: false, reason: 'empty' }
    const release = await claimArchiveSlot(downloader)
    if (!release) return { ok: false, reason: 'too_many_at_once', limit: ARCHIVES_AT_ONCE }

    const stream = zipStream(entries, async (written) => {
      await release()
      const photoIds = written.map((entry) => entry.item)
      await RecordDownloads.handle({ galleryId: gallery.id, photoIds, variant, downloader, ip })
    })
    const filename = `${gallery.slug}-${set === 'favorites' ? 'favourites' : 'photos'}${variant === 'original' ? '-originals' : ''}.zip`
    return { ok: true, stream, filename, count: entries.length }
  }
}

/** The viewer's favourites; for the studio, the family's submitted selection. */
async function favoritePhotoIds(gallery: Gallery, viewer: GalleryViewer) {
  const visitorId = viewer.visitor?.id ?? gallery.selectionVisitorId
  if (!visitorId) return new Set<string>()
  const rows = await PhotoFavorite.query().where('galleryVisitorId', visitorId).select('photoId')
  return new Set(rows.map((row) => row.photoId))
}
