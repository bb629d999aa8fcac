import router from '@adonisjs/core/services/router'
import type MediaAsset from '#models/media_asset'
import { type PublicImage, publicImage } from '#services/media/public_image'

export type ResponsiveImage = PublicImage

/**
 * The `<img>` attributes of a published artwork's picture: both public derivatives in a
 * `srcset` and the intrinsic size, so the browser reserves the space (no layout shift).
 */
export function artworkImage(asset: MediaAsset | null | undefined): ResponsiveImage | null {
  if (!asset || asset.status !== 'ready') return null
  return publicImage((variant) => router.makeUrl('artwork_images.show', { id: asset.id, variant }), asset.width, asset.height)
}
