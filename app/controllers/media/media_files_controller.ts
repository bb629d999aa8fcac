import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import { errors } from '@adonisjs/core'
import { MEDIA_VARIANT_FILES, mediaKey, type MediaVariant } from '#services/media/media_urls'
import { SignedUrlException } from '#exceptions/signed_url_exception'

/** Streams one derived image file behind a signed URL (see mediaUrl). */
export default class MediaFilesController {
  async show({ params, request, response }: HttpContext) {
    if (!request.hasValidSignature('media')) throw new SignedUrlException()
    const variant = params.variant as MediaVariant
    if (!(variant in MEDIA_VARIANT_FILES)) throw new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])

    const key = mediaKey(params.id, variant)
    const disk = drive.use()
    if (!(await disk.exists(key))) throw new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])

    response.header('Content-Type', MEDIA_VARIANT_FILES[variant].type)
    response.header('Cache-Control', 'private, max-age=43200, immutable')
    response.header('X-Content-Type-Options', 'nosniff')
    return response.stream(await disk.getStream(key))
  }
}
