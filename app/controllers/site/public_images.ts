import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import { errors } from '@adonisjs/core'
import { MEDIA_VARIANT_FILES, mediaKey } from '#services/media/media_urls'

/** Sizes the public site shows: never the original (that is the print file). */
const PUBLIC_VARIANTS = ['thumb', 'preview'] as const

/**
 * Streams a public derivative of a media asset, when `shown(id)` says the site shows it:
 * unsigned and immutable (a new image is a new media asset, so a new URL), so pages stay
 * the same between requests and a CDN can keep both.
 */
export async function sendPublicImage({ params, request, response }: HttpContext, shown: (mediaAssetId: string) => Promise<boolean>) {
  const variant = params.variant as (typeof PUBLIC_VARIANTS)[number]
  const notFound = () => new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
  if (!PUBLIC_VARIANTS.includes(variant) || !(await shown(params.id))) throw notFound()
  const key = mediaKey(params.id, variant)
  const disk = drive.use()
  if (!(await disk.exists(key))) throw notFound()
  response.header('Content-Type', MEDIA_VARIANT_FILES[variant].type)
  response.header('Cache-Control', 'public, max-age=31536000, immutable')
  response.header('X-Content-Type-Options', 'nosniff')
  return response.stream(await disk.getStream(key))
}
