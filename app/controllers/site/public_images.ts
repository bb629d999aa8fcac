import type { HttpContext } from '@adonisjs/core/http'
import { mediaNotFound, sendMediaFile } from '#controllers/media/send_media_file'

/** Sizes the public site shows: never the original (that is the print file). */
const PUBLIC_VARIANTS = ['thumb', 'preview'] as const

/**
 * Streams a public derivative of a media asset, when `shown(id)` says the site shows it:
 * unsigned and immutable (a new image is a new media asset, so a new URL), so pages stay
 * the same between requests and a CDN can keep both.
 */
export async function sendPublicImage(ctx: HttpContext, shown: (mediaAssetId: string) => Promise<boolean>) {
  const variant = ctx.params.variant as (typeof PUBLIC_VARIANTS)[number]
  if (!PUBLIC_VARIANTS.includes(variant) || !(await shown(ctx.params.id))) throw mediaNotFound(ctx)
  return sendMediaFile(ctx, ctx.params.id, variant, 'public, max-age=31536000, immutable')
}
