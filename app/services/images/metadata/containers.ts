import { crc32 } from 'node:zlib'
import { MalformedMetadata, scrubTiff } from '#services/images/metadata/exif_scrub'

/*
| Metadata out of the other formats Loupe accepts, on the whole file in memory (they are
| rare as camera originals), never touching the compressed image data.
*/

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** Text chunks carry XMP, comments and authors: dropped. eXIf is scrubbed. */
const PNG_TEXT = new Set(['tEXt', 'zTXt', 'iTXt'])

export function stripPng(bytes: Buffer) {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new MalformedMetadata('not a PNG')
  const kept = [bytes.subarray(0, 8)]
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at)
    const end = at + 12 + length
    if (end > bytes.length) throw new MalformedMetadata('PNG chunk runs past the end')
    const type = bytes.toString('latin1', at + 4, at + 8)
    if (type === 'eXIf') {
      const chunk = Buffer.from(bytes.subarray(at, end))
      scrubTiff(chunk, 8, 8 + length)
      chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + length)) >>> 0, 8 + length)
      kept.push(chunk)
    } else if (!PNG_TEXT.has(type)) {
      kept.push(bytes.subarray(at, end))
    }
    at = end
  }
  return Buffer.concat(kept)
}

const VP8X_XMP = 0x04

export function stripWebp(bytes: Buffer) {
  if (bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') throw new MalformedMetadata('not a WebP')
  const chunks: Buffer[] = []
  for (let at = 12; at + 8 <= bytes.length; ) {
    const size = bytes.readUInt32LE(at + 4)
    const end = at + 8 + size + (size % 2)
    if (at + 8 + size > bytes.length) throw new MalformedMetadata('WebP chunk runs past the end')
    const fourcc = bytes.toString('latin1', at, at + 4)
    const chunk = Buffer.from(bytes.subarray(at, Math.min(end, bytes.length)))
    if (fourcc === 'EXIF') {
      const exif = chunk.toString('latin1', 8, 14) === 'Exif\0\0' ? 14 : 8
      scrubTiff(chunk, exif, 8 + size)
    }
    if (fourcc === 'VP8X') chunk[8] &= ~VP8X_XMP
    if (fourcc !== 'XMP ') chunks.push(chunk)
    at = end
  }
  const body = Buffer.concat(chunks)
  const header = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1')
  header.writeUInt32LE(body.length + 4, 4)
  return Buffer.concat([header, body])
}

export function stripTiff(bytes: Buffer) {
  return scrubTiff(Buffer.from(bytes))
}

/**
 * AVIF (ISO base media): the Exif item is scrubbed in place and an XMP item blanked with
 * spaces, both found through the `meta` box's item info and locations.
 */
export function stripAvif(input: Buffer) {
  const bytes = Buffer.from(input)
  const meta = boxes(bytes, 0, bytes.length).find((box) => box.type === 'meta')
  if (!meta) return bytes
  const children = boxes(bytes, meta.body + 4, meta.end)
  const infos = itemInfos(bytes, children.find((box) => box.type === 'iinf'))
  const idat = children.find((box) => box.type === 'idat')
  for (const { id, start, length } of itemLocations(bytes, children.find((box) => box.type === 'iloc'), idat?.body ?? 0)) {
    const info = infos.get(id)
    if (!info || start + length > bytes.length) continue
    if (info.type === 'Exif' && length > 4) scrubTiff(bytes, start + 4 + bytes.readUInt32BE(start), start + length)
    if (info.type === 'mime' && info.contentType.includes('rdf+xml')) bytes.fill(0x20, start, start + length)
  }
  return bytes
}

interface Box {
  type: string
  body: number
  end: number
}

function boxes(bytes: Buffer, from: number, to: number): Box[] {
  const found: Box[] = []
  for (let at = from; at + 8 <= to; ) {
    let size = bytes.readUInt32BE(at)
    let body = at + 8
    if (size === 1) {
      size = Number(bytes.readBigUInt64BE(at + 8))
      body = at + 16
    } else if (size === 0) size = to - at
    if (size < 8 || at + size > to) throw new MalformedMetadata('box runs past its parent')
    found.push({ type: bytes.toString('latin1', at + 4, at + 8), body, end: at + size })
    at += size
  }
  return found
}

function itemInfos(bytes: Buffer, iinf: Box | undefined) {
  const infos = new Map<number, { type: string; contentType: string }>()
  if (!iinf) return infos
  const version = bytes[iinf.body]
  const entries = iinf.body + 4 + (version === 0 ? 2 : 4)
  for (const infe of boxes(bytes, entries, iinf.end).filter((box) => box.type === 'infe')) {
    const infeVersion = bytes[infe.body]
    if (infeVersion < 2) continue
    let at = infe.body + 4
    const id = infeVersion === 2 ? bytes.readUInt16BE(at) : bytes.readUInt32BE(at)
    at += (infeVersion === 2 ? 2 : 4) + 2
    const type = bytes.toString('latin1', at, at + 4)
    const strings = bytes.toString('latin1', at + 4, infe.end).split('\0')
    infos.set(id, { type, contentType: type === 'mime' ? (strings[1] ?? '') : '' })
  }
  return infos
}

function itemLocations(bytes: Buffer, iloc: Box | undefined, idatStart: number) {
  const locations: { id: number; start: number; length: number }[] = []
  if (!iloc) return locations
  const version = bytes[iloc.body]
  let at = iloc.body + 4
  const read = (size: number) => {
    const value = size === 0 ? 0 : size === 2 ? bytes.readUInt16BE(at) : size === 4 ? bytes.readUInt32BE(at) : Number(bytes.readBigUInt64BE(at))
    at += size
    return value
  }
  const [offsetSize, lengthSize] = [bytes[at] >> 4, bytes[at] & 15]
  const [baseSize, indexSize] = [bytes[at + 1] >> 4, version > 0 ? bytes[at + 1] & 15 : 0]
  at += 2
  const count = read(version < 2 ? 2 : 4)
  for (let item = 0; item < count; item++) {
    const id = read(version < 2 ? 2 : 4)
    const method = version > 0 ? read(2) & 15 : 0
    read(2)
    const base = read(baseSize)
    const extents = read(2)
    for (let extent = 0; extent < extents; extent++) {
      read(indexSize)
      const offset = read(offsetSize)
      const length = read(lengthSize)
      if (method === 0) locations.push({ id, start: base + offset, length })
      if (method === 1) locations.push({ id, start: idatStart + base + offset, length })
    }
  }
  return locations
}
