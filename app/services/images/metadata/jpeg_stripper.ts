import { Transform, type TransformCallback } from 'node:stream'
import { MalformedMetadata, scrubTiff } from '#services/images/metadata/exif_scrub'

const EXIF = Buffer.from('Exif\0\0', 'latin1')
const ICC = Buffer.from('ICC_PROFILE\0', 'latin1')
/** Marker segments kept: JFIF (APP0), EXIF (APP1, scrubbed), ICC colour profile (APP2), Adobe colour transform (APP14). */
const APP0 = 0xe0
const APP1 = 0xe1
const APP2 = 0xe2
const APP14 = 0xee
const SOS = 0xda
const EOI = 0xd9
/** Header segments are small; a "header" this large is not a photo. */
const MAX_HEADER = 4 * 1024 * 1024

/**
 * A JPEG without its personal metadata, streamed: the segments before the first scan are
 * read, EXIF is scrubbed in place (GPS emptied, owner and serial numbers zeroed), XMP,
 * IPTC, comments, multi-picture and vendor segments are dropped, and the compressed image
 * passes through byte for byte (no re-encode) up to its end marker. Anything appended
 * after it (a second picture with its own EXIF) is left out.
 */
export class JpegStripper extends Transform {
  #pending: Buffer = Buffer.alloc(0)
  #phase: 'start' | 'header' | 'image' | 'done' = 'start'
  /** Inside the image: bytes of a marker segment still to pass unread, and a trailing 0xFF. */
  #skip = 0
  #afterFF = false
  #lengthBytes: number[] | null = null

  _transform(chunk: Buffer, _: BufferEncoding, callback: TransformCallback) {
    try {
      if (this.#phase === 'image') this.#image(chunk)
      else if (this.#phase !== 'done') this.#header(Buffer.concat([this.#pending, chunk]))
      callback()
    } catch (error) {
      callback(error as Error)
    }
  }

  _flush(callback: TransformCallback) {
    callback(this.#phase === 'start' || this.#phase === 'header' ? new MalformedMetadata('JPEG ends before its image') : null)
  }

  #header(bytes: Buffer) {
    let at = 0
    if (this.#phase === 'start') {
      if (bytes.length < 2) return void (this.#pending = bytes)
      if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new MalformedMetadata('not a JPEG')
      this.push(bytes.subarray(0, 2))
      this.#phase = 'header'
      at = 2
    }
    while (at + 4 <= bytes.length) {
      if (bytes[at] !== 0xff) throw new MalformedMetadata('JPEG marker expected')
      const marker = bytes[at + 1]
      if (marker === 0xff) {
        at++
        continue
      }
      if (marker === SOS) {
        this.#phase = 'image'
        this.#pending = Buffer.alloc(0)
        return this.#image(bytes.subarray(at))
      }
      const end = at + 2 + bytes.readUInt16BE(at + 2)
      if (end > bytes.length) break
      const kept = keptSegment(marker, Buffer.from(bytes.subarray(at, end)))
      if (kept) this.push(kept)
      at = end
    }
    this.#pending = bytes.subarray(at)
    if (this.#pending.length > MAX_HEADER) throw new MalformedMetadata('JPEG header too large')
  }

  /** Passes the compressed image through, watching for its end marker (skipping marker segments between scans). */
  #image(bytes: Buffer) {
    let at = 0
    while (at < bytes.length) {
      if (this.#skip > 0) {
        const step = Math.min(this.#skip, bytes.length - at)
        this.#skip -= step
        at += step
        continue
      }
      if (this.#lengthBytes) {
        this.#lengthBytes.push(bytes[at++])
        if (this.#lengthBytes.length === 2) {
          this.#skip = ((this.#lengthBytes[0] << 8) | this.#lengthBytes[1]) - 2
          this.#lengthBytes = null
        }
        continue
      }
      if (!this.#afterFF) {
        const ff = bytes.indexOf(0xff, at)
        if (ff === -1) break
        this.#afterFF = true
        at = ff + 1
        continue
      }
      const marker = bytes[at++]
      this.#afterFF = marker === 0xff
      if (marker === 0x00 || marker === 0xff || (marker >= 0xd0 && marker <= 0xd7)) continue
      if (marker === EOI) {
        this.push(bytes.subarray(0, at))
        this.#phase = 'done'
        return
      }
      this.#lengthBytes = []
    }
    this.push(bytes)
  }
}

function keptSegment(marker: number, segment: Buffer) {
  const payload = segment.subarray(4)
  if (marker === APP0 || marker === APP14) return segment
  if (marker === APP2) return payload.subarray(0, ICC.length).equals(ICC) ? segment : null
  if (marker === APP1) {
    if (!payload.subarray(0, EXIF.length).equals(EXIF)) return null
    try {
      scrubTiff(segment, 4 + EXIF.length)
      return segment
    } catch (error) {
      if (error instanceof MalformedMetadata) return null
      throw error
    }
  }
  // Tables, frame headers and restart intervals are the image; other APPn, COM and the rest are not.
  return marker >= 0xe0 || marker === 0xfe ? null : segment
}
