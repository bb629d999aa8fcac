import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import { errors } from '@adonisjs/core'
import { MEDIA_VARIANT_FILES, mediaKey, type MediaVariant } from '#services/media/media_urls'

export function mediaNotFound({ request }: HttpContext) {
  return new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
}

/** Streams a media asset's derived file from the disk (404 when it isn't there yet). */
export async function sendMediaFile(ctx: HttpContext, mediaAssetId: string, variant: MediaVariant, cacheControl: string) {
  const key = mediaKey(mediaAssetId, variant)
  const disk = drive.use()
  if (!(await disk.exists(key))) throw mediaNotFound(ctx)
  ctx.response.header('Content-Type', MEDIA_VARIANT_FILES[variant].type)
  ctx.response.header('Cache-Control', cacheControl)
  ctx.response.header('X-Content-Type-Options', 'nosniff')
  return ctx.response.stream(await disk.getStream(key))
}
