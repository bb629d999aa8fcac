import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import { errors } from '@adonisjs/core'
import Artwork from '#models/artwork'
import { MEDIA_VARIANT_FILES, mediaKey } from '#services/media/media_urls'

/** Sizes a published artwork shows to everyone: never the original (that is the print file). */
const PUBLIC_VARIANTS = ['thumb', 'preview'] as const

/**
 * The public images of published artworks: unsigned and immutable (a new image is a new
 * media asset, so a new URL), so the portfolio's HTML stays the same between requests and
 * a CDN can keep both.
 */
export default class ArtworkImagesController {
  async show({ params, request, response }: HttpContext) {
    const variant = params.variant as (typeof PUBLIC_VARIANTS)[number]
    const notFound = () => new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
    if (!PUBLIC_VARIANTS.includes(variant)) throw notFound()
    const shown = await Artwork.query().where('media_asset_id', params.id).where('status', 'published').select('id').first()
    if (!shown) throw notFound()

    const key = mediaKey(params.id, variant)
    const disk = drive.use()
    if (!(await disk.exists(key))) throw notFound()
    response.header('Content-Type', MEDIA_VARIANT_FILES[variant].type)
    response.header('Cache-Control', 'public, max-age=31536000, immutable')
    response.header('X-Content-Type-Options', 'nosniff')
    return response.stream(await disk.getStream(key))
  }
}
