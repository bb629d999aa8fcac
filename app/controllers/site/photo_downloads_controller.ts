import type { HttpContext } from '@adonisjs/core/http'
import Photo from '#models/photo'
import OpenPhotoDownload from '#actions/galleries/open_photo_download'
import { DOWNLOAD_LINK_PURPOSE } from '#actions/galleries/issue_download_link'
import type { Downloader } from '#actions/galleries/gallery_viewer'
import { SignedUrlException } from '#exceptions/signed_url_exception'
import { downloadVariantValidator } from '#validators/download'
import { isUuid } from '#services/http/route_ids'
import { attachment } from '#services/http/attachment'
import { publicGalleryPath } from '#services/galleries/gallery_links'
import { refuseDownload } from '#controllers/site/download_refusals'

const KINDS: readonly string[] = ['studio', 'family', 'visitor']

/** The downloader a signed link was issued to (its query string is covered by the signature). */
function downloaderFromSignedQuery(qs: Record<string, unknown>): Downloader {
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null)
  const as = KINDS.includes(String(qs.as)) ? (qs.as as Downloader['as']) : 'visitor'
  return { as, userId: text(qs.user), galleryVisitorId: text(qs.visitor) }
}

/** One photo file behind a 5-minute signed link (see IssueDownloadLink). */
export default class PhotoDownloadsController {
  async show(ctx: HttpContext) {
    const { request, response, params } = ctx
    const photo = isUuid(params.photo_id) ? await Photo.query().where('id', params.photo_id).preload('gallery').preload('mediaAsset').first() : null
    if (!request.hasValidSignature(DOWNLOAD_LINK_PURPOSE)) throw new SignedUrlException(photo?.gallery ? publicGalleryPath(photo.gallery) : null)
    const { variant } = await downloadVariantValidator.validate(params)
    const result = await OpenPhotoDownload.handle({ photo, variant, downloader: downloaderFromSignedQuery(request.qs()), ip: request.ip() })
    if (!result.ok) return refuseDownload(ctx, photo?.gallery ?? null, result.reason)

    response.header('Content-Type', result.contentType).header('Content-Disposition', attachment(result.filename))
    response.header('Cache-Control', 'private, no-store').header('X-Content-Type-Options', 'nosniff')
    if (result.size) response.header('Content-Length', result.size)
    return response.stream(result.stream)
  }
}
