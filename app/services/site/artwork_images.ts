import router from '@adonisjs/core/services/router'
import imagesConfig from '#config/images'
import type MediaAsset from '#models/media_asset'

export interface ResponsiveImage {
  src: string
  srcset: string
  width: number
  height: number
}

/**
 * The `<img>` attributes of a published artwork's picture: both public derivatives in a
 * `srcset` and the intrinsic size, so the browser reserves the space (no layout shift).
 */
export function artworkImage(asset: MediaAsset | null | undefined): ResponsiveImage | null {
  if (!asset || asset.status !== 'ready') return null
  const width = asset.width ?? 1200
  const height = asset.height ?? 800
  const scale = (edge: number) => Math.min(1, edge / Math.max(width, height))
  const url = (variant: 'thumb' | 'preview') => router.makeUrl('artwork_images.show', { id: asset.id, variant })
  const thumbWidth = Math.round(width * scale(imagesConfig.thumbSize))
  const previewWidth = Math.round(width * scale(imagesConfig.previewSize))
  return {
    src: url('thumb'),
    srcset: `${url('thumb')} ${thumbWidth}w, ${url('preview')} ${previewWidth}w`,
    width,
    height,
  }
}
