import sharp, { type Sharp, type Stats } from 'sharp'
import imagesConfig from '#config/images'
import { watermarkSvg } from '#services/images/watermark'

// libvips threads per operation, process-wide. Left alone, sharp picks 1 on glibc unless
// MALLOC_ARENA_MAX is set, and every core otherwise: the worker's memory would depend on the host.
sharp.concurrency(imagesConfig.threads)

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
 * every size from the preview's pixels. The statistics (auto tags, dominant colour) are
 * read from the thumbnail's pixels: the same tags as from the preview, at a sixteenth of
 * the cost (on the preview they took a tenth of the pipeline). No output keeps any metadata:
 * sharp strips EXIF, GPS and ICC unless told otherwise, and we never tell it otherwise.
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

  const [preview, web, [thumb, stats], watermarked] = await Promise.all([
    fromPreview().webp({ quality: imagesConfig.webpQuality }).toBuffer(),
    fromPreview().flatten({ background: '#ffffff' }).jpeg({ quality: imagesConfig.jpegQuality, mozjpeg: false }).toBuffer(),
    thumbAndStats(fromPreview()),
    options.watermarkText
      ? fromPreview()
          .composite([{ input: watermarkSvg(info.width, info.height, options.watermarkText) }])
          // The mark is drawn with an alpha channel; the photo has none, nor should its file.
          .removeAlpha()
          .webp({ quality: imagesConfig.webpQuality })
          .toBuffer()
      : Promise.resolve(null),
  ])

  return { thumb, preview, web, watermarked, width: info.width, height: info.height, stats }
}

/** The thumbnail's pixels, once: encoded as the grid's WebP and read for statistics. */
async function thumbAndStats(preview: Sharp): Promise<[Buffer, Stats]> {
  const { data, info } = await preview
    .resize(imagesConfig.thumbSize, imagesConfig.thumbSize, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } }
  return Promise.all([sharp(data, raw).webp({ quality: imagesConfig.webpQuality }).toBuffer(), sharp(data, raw).stats()])
}

/** "#a1b2c3" from sharp's dominant colour. */
export function hexColour({ r, g, b }: { r: number; g: number; b: number }) {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`
}
