import type { HttpContext } from '@adonisjs/core/http'
import Photo from '#models/photo'
import OpenPhotoDownload from '#actions/galleries/open_photo_download'
import { DOWNLOAD_LINK_PURPOSE } from '#actions/galleries/issue_download_link'
import { SignedUrlException } from '#exceptions/signed_url_exception'
import { downloadVariantValidator } from '#validators/download'
import { downloaderFromSignedQuery } from '#services/downloads/download_access'
import { isUuid } from '#services/http/route_ids'
import { attachment } from '#services/downloads/attachment'
import { publicGalleryPath } from '#services/galleries/gallery_links'
import { refuseDownload } from '#services/downloads/refusals'

/** One photo file behind a 5-minute signed link (see IssueDownloadLink). */
export default class PhotoDownloadsController {
  async show(ctx: HttpContext) {
    const { request, response, params } = ctx
    const photo = isUuid(params.photo_id) ? await Photo.query().where('id', params.photo_id).preload('gallery').preload('mediaAsset').first() : null
    if (!request.hasValidSignature(DOWNLOAD_LINK_PURPOSE)) throw new SignedUrlException(photo?.gallery ? publicGalleryPath(photo.gallery) : null)
    const { variant } = await downloadVariantValidator.validate(params)
    const result = await OpenPhotoDownload.handle({ photo, variant, downloader: downloaderFromSignedQuery(request.qs()), ip: request.ip() })
    if (!result.ok) return refuseDownload(ctx, photo?.gallery?.slug ?? null, result.reason)

    response.header('Content-Type', result.contentType).header('Content-Disposition', attachment(result.filename))
    response.header('Cache-Control', 'private, no-store').header('X-Content-Type-Options', 'nosniff')
    if (result.size) response.header('Content-Length', result.size)
    return response.stream(result.stream)
  }
}
