import imagesConfig from '#config/images'

/** A public picture as the page prints it: the thumb, a srcset of both derivatives, and its size (space reserved, no shift). */
export interface PublicImage {
  src: string
  srcset: string
  width: number
  height: number
}

/** `url(variant)` builds the public URL of one derivative; widths are the derivatives' own (never upscaled). */
export function publicImage(url: (variant: 'thumb' | 'preview') => string, width: number | null, height: number | null): PublicImage {
  const w = Number(width ?? 1200)
  const h = Number(height ?? 800)
  const scaled = (edge: number) => Math.round(w * Math.min(1, edge / Math.max(w, h)))
  return {
    src: url('thumb'),
    srcset: `${url('thumb')} ${scaled(imagesConfig.thumbSize)}w, ${url('preview')} ${scaled(imagesConfig.previewSize)}w`,
    width: w,
    height: h,
  }
}
