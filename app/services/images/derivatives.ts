import sharp, { type Sharp, type Stats } from 'sharp'
import imagesConfig from '#config/images'
import { DEFAULT_WATERMARK, watermarkOverlay, type WatermarkSpec } from '#services/images/watermark'

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
  /** The thumbnail with the watermark: a watermarked gallery's grid never shows a clean one. */
  watermarkedThumb: Buffer | null
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
export interface DerivativeOptions {
  /** The studio's mark: the watermarked preview and thumbnail are made with it. */
  watermark?: WatermarkSpec | null
  /** Shorthand for a text mark with the default look. */
  watermarkText?: string | null
}

export function watermarkFrom(options: DerivativeOptions): WatermarkSpec | null {
  if (options.watermark) return options.watermark
  return options.watermarkText ? { ...DEFAULT_WATERMARK, text: options.watermarkText } : null
}

export async function makeDerivatives(input: Buffer | string, options: DerivativeOptions = {}): Promise<Derivatives> {
  const { data: previewRaw, info } = await sharp(input, { sequentialRead: true, limitInputPixels: imagesConfig.maxPixels })
    .rotate()
    .resize(imagesConfig.previewSize, imagesConfig.previewSize, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })

  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } }
  const fromPreview = () => sharp(previewRaw, raw)

  const mark = watermarkFrom(options)
  const [preview, web, [thumb, stats, watermarkedThumb], watermarked] = await Promise.all([
    fromPreview().webp({ quality: imagesConfig.webpQuality }).toBuffer(),
    fromPreview().flatten({ background: '#ffffff' }).jpeg({ quality: imagesConfig.jpegQuality, mozjpeg: false }).toBuffer(),
    thumbAndStats(fromPreview(), mark),
    mark ? marked(fromPreview(), info.width, info.height, mark) : Promise.resolve(null),
  ])

  return { thumb, preview, web, watermarked, watermarkedThumb, width: info.width, height: info.height, stats }
}

/** The studio's mark over the pixels, as WebP. */
async function marked(image: Sharp, width: number, height: number, mark: WatermarkSpec) {
  const overlay = await watermarkOverlay(width, height, mark)
  return (
    image
      .composite([{ input: overlay }])
      // The mark is drawn with an alpha channel; the photo has none, nor should its file.
      .removeAlpha()
      .webp({ quality: imagesConfig.webpQuality })
      .toBuffer()
  )
}

/** The thumbnail's pixels, once: encoded as the grid's WebP (and its marked twin) and read for statistics. */
async function thumbAndStats(preview: Sharp, mark: WatermarkSpec | null): Promise<[Buffer, Stats, Buffer | null]> {
  const { data, info } = await preview
    .resize(imagesConfig.thumbSize, imagesConfig.thumbSize, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } }
  return Promise.all([
    sharp(data, raw).webp({ quality: imagesConfig.webpQuality }).toBuffer(),
    sharp(data, raw).stats(),
    mark ? marked(sharp(data, raw), info.width, info.height, mark) : Promise.resolve(null),
  ])
}

/** "#a1b2c3" from sharp's dominant colour. */
export function hexColour({ r, g, b }: { r: number; g: number; b: number }) {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`
}

/** The web-size JPEG alone, as makeDerivatives makes it: for a photo whose file is missing. */
export async function makeWebJpeg(input: Buffer) {
  return sharp(input, { sequentialRead: true, limitInputPixels: imagesConfig.maxPixels })
    .rotate()
    .resize(imagesConfig.previewSize, imagesConfig.previewSize, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: imagesConfig.jpegQuality, mozjpeg: false })
    .toBuffer()
}

/** The watermarked preview and thumbnail alone, from a clean preview (re-marking after the studio changed its mark). */
export async function makeWatermarked(input: Buffer, mark: WatermarkSpec) {
  const { data, info } = await sharp(input, { limitInputPixels: imagesConfig.maxPixels })
    .rotate()
    .resize(imagesConfig.previewSize, imagesConfig.previewSize, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } }
  const thumb = await sharp(data, raw)
    .resize(imagesConfig.thumbSize, imagesConfig.thumbSize, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const [watermarked, watermarkedThumb] = await Promise.all([
    marked(sharp(data, raw), info.width, info.height, mark),
    marked(sharp(thumb.data, { raw: { width: thumb.info.width, height: thumb.info.height, channels: thumb.info.channels } }), thumb.info.width, thumb.info.height, mark),
  ])
  return { watermarked, watermarkedThumb }
}
