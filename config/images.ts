import env from '#start/env'

/** Limits and sizes of the image pipeline. Uploads are judged by content, not by name. */
const imagesConfig = {
  maxBytes: env.get('IMAGE_MAX_BYTES', 60 * 1024 * 1024),
  maxPixels: env.get('IMAGE_MAX_PIXELS', 100_000_000),
  formats: ['jpeg', 'png', 'webp', 'avif', 'tiff'] as const,
  thumbSize: 480,
  previewSize: 2048,
  webpQuality: 80,
  jpegQuality: 85,
}

export default imagesConfig
export type ImageFormat = (typeof imagesConfig.formats)[number]
