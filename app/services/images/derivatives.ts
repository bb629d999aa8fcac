import sharp, { type Stats } from 'sharp'
import imagesConfig from '#config/images'
import { watermarkSvg } from '#services/images/watermark'

export interface Derivatives {
  /** ~480 px long edge, WebP: the grid. */
  thumb: Buffer
  /** ~2048 px long edge, WebP: the lightbox. */
  preview: Buffer
  /** The preview as JPEG: the "web size" download. */
  web: Buffer
  /** The preview with the studio's watermark, when asked for. */
  watermarked: Buffer | null
  width: number
  height: number
  stats: Stats
}

/**
 * Decodes the original once (EXIF orientation applied, shrink-on-load), then derives
 * every size from the preview. No output keeps any metadata: sharp strips EXIF, GPS
 * and ICC unless told otherwise, and we never tell it otherwise.
 */
export async function makeDerivatives(input: Buffer | string, options: { watermarkText?: string | null } = {}): Promise<Derivatives> {
  const { data: previewRaw, info } = await sharp(input, { sequentialRead: true, limitInputPixels: imagesConfig.maxPixels })
    .rotate()
    .resize(imagesConfig.previewSize, imagesConfig.previewSize, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })

  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } }
  const fromPreview = () => sharp(previewRaw, raw)

  const [preview, web, thumb, stats, watermarked] = await Promise.all([
    fromPreview().webp({ quality: imagesConfig.webpQuality }).toBuffer(),
    fromPreview().flatten({ background: '#ffffff' }).jpeg({ quality: imagesConfig.jpegQuality, mozjpeg: false }).toBuffer(),
    fromPreview()
      .resize(imagesConfig.thumbSize, imagesConfig.thumbSize, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: imagesConfig.webpQuality })
      .toBuffer(),
    fromPreview().stats(),
    options.watermarkText
      ? fromPreview()
          .composite([{ input: watermarkSvg(info.width, info.height, options.watermarkText) }])
          .webp({ quality: imagesConfig.webpQuality })
          .toBuffer()
      : Promise.resolve(null),
  ])

  return { thumb, preview, web, watermarked, width: info.width, height: info.height, stats }
}

/** "#a1b2c3" from sharp's dominant colour. */
export function hexColour({ r, g, b }: { r: number; g: number; b: number }) {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`
}
