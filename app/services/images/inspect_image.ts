import sharp, { type Metadata } from 'sharp'
import imagesConfig, { type ImageFormat } from '#config/images'

export type InspectResult =
  | { ok: true; format: ImageFormat; width: number; height: number; mimeType: string }
  | { ok: false; reason: 'too_large' | 'too_many_pixels' | 'unsupported' | 'corrupt'; message: string }

const MIME: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  tiff: 'image/tiff',
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

/**
 * Judges an upload by its bytes: the format libvips finds (never the file name or the
 * Content-Type), the pixel count before decoding, and a full decode at a small size
 * with `failOn: 'warning'`, which catches truncated and damaged files.
 */
export async function inspectImage(input: Buffer | string, byteSize: number, limits = imagesConfig): Promise<InspectResult> {
  if (byteSize > limits.maxBytes) {
    return { ok: false, reason: 'too_large', message: `This file is ${megabytes(byteSize)}; the limit is ${megabytes(limits.maxBytes)}.` }
  }

  let metadata: Metadata
  try {
    metadata = await sharp(input, { failOn: 'warning', limitInputPixels: false }).metadata()
  } catch {
    return { ok: false, reason: 'unsupported', message: 'This is not an image we can read. Use JPEG, PNG, WebP, AVIF or TIFF.' }
  }

  const format = formatOf(metadata)
  if (!format) {
    return { ok: false, reason: 'unsupported', message: `${(metadata.format ?? 'This').toUpperCase()} files are not accepted. Use JPEG, PNG, WebP, AVIF or TIFF.` }
  }
  const width = metadata.width ?? 0
  const height = metadata.height ?? 0
  if (width * height > limits.maxPixels) {
    const mp = Math.round((width * height) / 1e6)
    return { ok: false, reason: 'too_many_pixels', message: `This image is ${mp} megapixels; the limit is ${Math.round(limits.maxPixels / 1e6)}.` }
  }

  try {
    await sharp(input, { failOn: 'warning', limitInputPixels: limits.maxPixels, sequentialRead: true })
      .resize(64, 64, { fit: 'inside' })
      .raw()
      .toBuffer()
  } catch {
    return { ok: false, reason: 'corrupt', message: 'This image is damaged or incomplete. Export it again and retry.' }
  }

  return { ok: true, format, width, height, mimeType: MIME[format] }
}

function formatOf(metadata: Metadata): ImageFormat | null {
  if (metadata.format === 'heif') return metadata.compression === 'av1' ? 'avif' : null
  const format = metadata.format as string | undefined
  return format && (imagesConfig.formats as readonly string[]).includes(format) ? (format as ImageFormat) : null
}
