import type { HttpContext } from '@adonisjs/core/http'
import GalleryPolicy from '#policies/gallery_policy'
import CheckMediaAccess from '#actions/galleries/check_media_access'
import { MEDIA_VARIANT_FILES, verifyMediaUrl, type MediaVariant } from '#services/media/media_urls'
import { mediaNotFound, sendMediaFile } from '#controllers/media/send_media_file'
import { SignedUrlException } from '#exceptions/signed_url_exception'
import { isUuid } from '#services/http/route_ids'

/**
 * Streams one derived image file behind a signed URL (see mediaUrl). The signature names
 * the audience: a gallery's URLs are served only while it is live (hidden, deleted,
 * unpublished or expired: gone within a minute), the studio's only to the studio.
 */
export default class MediaFilesController {
  async show(ctx: HttpContext) {
    const { bouncer, params, request } = ctx
    const audience = verifyMediaUrl(request.url(), request.qs())
    if (!audience) throw new SignedUrlException()
    const variant = params.variant as MediaVariant
    if (!(variant in MEDIA_VARIANT_FILES) || !isUuid(params.id)) throw mediaNotFound(ctx)

    if (audience === 'studio') await bouncer.with(GalleryPolicy).authorize('viewStudioMedia')
    else if (!isUuid(audience.galleryId) || !(await CheckMediaAccess.handle(audience.galleryId, params.id, variant))) throw mediaNotFound(ctx)

    return sendMediaFile(ctx, params.id, variant, 'private, max-age=43200, immutable')
  }
}
