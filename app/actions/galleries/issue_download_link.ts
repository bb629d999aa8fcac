import router from '@adonisjs/core/services/router'
import type Photo from '#models/photo'
import type { Downloader } from '#actions/galleries/gallery_viewer'
import type { DownloadableVariant } from '#actions/galleries/download_files'

export const DOWNLOAD_LINK_PURPOSE = 'photo-download'
export const DOWNLOAD_LINK_LIFETIME = '5 minutes'

/**
 * A signed link to one photo file, valid 5 minutes. Made on click (never printed in
 * the page, which may sit open for hours), and carrying who asked for it so the file
 * route records the download without needing the visitor's cookie.
 */
export default class IssueDownloadLink {
  static handle(photo: Photo, variant: DownloadableVariant, downloader: Downloader) {
    const qs: Record<string, string> = { as: downloader.as }
    if (downloader.userId) qs.user = downloader.userId
    if (downloader.galleryVisitorId) qs.visitor = downloader.galleryVisitorId
    return router.makeSignedUrl(
      'photo_downloads.show',
      { photo_id: photo.id, variant },
      { expiresIn: DOWNLOAD_LINK_LIFETIME, purpose: DOWNLOAD_LINK_PURPOSE, qs }
    )
  }
}
