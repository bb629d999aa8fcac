import { Transform, type TransformCallback } from 'node:stream'
import { JpegStripper } from '#services/images/metadata/jpeg_stripper'
import { stripAvif, stripPng, stripTiff, stripWebp } from '#services/images/metadata/containers'

export { MalformedMetadata } from '#services/images/metadata/exif_scrub'

const WHOLE_FILE: Record<string, (bytes: Buffer) => Buffer> = {
  'image/png': stripPng,
  'image/webp': stripWebp,
  'image/tiff': stripTiff,
  'image/avif': stripAvif,
}

/** Reads the whole file, then writes it stripped (formats whose metadata may sit anywhere). */
class WholeFileStripper extends Transform {
  #chunks: Buffer[] = []

  constructor(private strip: (bytes: Buffer) => Buffer) {
    super()
  }

  _transform(chunk: Buffer, _: BufferEncoding, callback: TransformCallback) {
    this.#chunks.push(chunk)
    callback()
  }

  _flush(callback: TransformCallback) {
    try {
      callback(null, this.strip(Buffer.concat(this.#chunks)))
    } catch (error) {
      callback(error as Error)
    }
  }
}

/**
 * A stream that takes an original and gives it back without GPS and personal metadata,
 * losslessly: the compressed image is never decoded or re-encoded. JPEG (nearly every
 * camera original) streams; the other accepted formats are handled whole.
 */
export function metadataStripper(mimeType: string): Transform {
  if (mimeType === 'image/jpeg') return new JpegStripper()
  const strip = WHOLE_FILE[mimeType]
  if (!strip) throw new Error(`No metadata stripper for ${mimeType}`)
  return new WholeFileStripper(strip)
}
