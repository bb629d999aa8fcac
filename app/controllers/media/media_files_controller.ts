import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import { errors } from '@adonisjs/core'
import GalleryPolicy from '#policies/gallery_policy'
import CheckMediaAccess from '#actions/galleries/check_media_access'
import { MEDIA_VARIANT_FILES, mediaKey, verifyMediaUrl, type MediaVariant } from '#services/media/media_urls'
import { SignedUrlException } from '#exceptions/signed_url_exception'
import { isUuid } from '#services/http/route_ids'

/**
 * Streams one derived image file behind a signed URL (see mediaUrl). The signature names
 * the audience: a gallery's URLs are served only while it is live (hidden, deleted,
 * unpublished or expired: gone within a minute), the studio's only to the studio.
 */
export default class MediaFilesController {
  async show({ bouncer, params, request, response }: HttpContext) {
    const audience = verifyMediaUrl(request.url(), request.qs())
    if (!audience) throw new SignedUrlException()
    const variant = params.variant as MediaVariant
    const notFound = () => new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
    if (!(variant in MEDIA_VARIANT_FILES) || !isUuid(params.id)) throw notFound()

    if (audience === 'studio') await bouncer.with(GalleryPolicy).authorize('viewStudioMedia')
    else if (!isUuid(audience.galleryId) || !(await CheckMediaAccess.handle(audience.galleryId, params.id, variant))) throw notFound()

    const key = mediaKey(params.id, variant)
    const disk = drive.use()
    if (!(await disk.exists(key))) throw notFound()

    response.header('Content-Type', MEDIA_VARIANT_FILES[variant].type)
    response.header('Cache-Control', 'private, max-age=43200, immutable')
    response.header('X-Content-Type-Options', 'nosniff')
    return response.stream(await disk.getStream(key))
  }
}
