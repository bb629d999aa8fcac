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
  /**
   * Photos one process works on at once; further media jobs wait their turn. A 24 MP
   * original costs ~100 MB at its peak, on top of the ~155 MB the booted app idles at:
   * 1 keeps a worker under 300 MB and loses little speed, libvips already using the cores.
   */
  concurrency: env.get('IMAGE_CONCURRENCY', 1),
  /** libvips threads per image operation (sharp.concurrency), set rather than left to sharp's guess. */
  threads: env.get('IMAGE_THREADS', 2),
}

export default imagesConfig
export type ImageFormat = (typeof imagesConfig.formats)[number]
