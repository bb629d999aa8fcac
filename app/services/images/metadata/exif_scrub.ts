/*
| Scrubs a TIFF structure (an EXIF block, or a whole TIFF file) in place: the GPS IFD is
| emptied and personal tags (owner, artist, serial numbers, comments, maker notes,
| embedded XMP/IPTC) are zeroed, values included. Nothing moves, so offsets stay valid and
| the image data is untouched. Camera, exposure and orientation tags stay.
*/
const POINTERS = { exif: 0x8769, gps: 0x8825, interop: 0xa005 }

/** Tags that can name or locate a person, or identify their camera body. */
const PERSONAL = new Set([
  0x010e, // ImageDescription
  0x013b, // Artist
  0x013c, // HostComputer
  0x02bc, // XMP (TIFF files)
  0x83bb, // IPTC
  0x8649, // Photoshop resources
  0x927c, // MakerNote (serial numbers, sometimes places)
  0x9286, // UserComment
  0x9c9b, 0x9c9c, 0x9c9d, 0x9c9e, 0x9c9f, // Windows title, comment, author, keywords, subject
  0xa420, // ImageUniqueID
  0xa430, // CameraOwnerName
  0xa431, // BodySerialNumber
  0xa435, // LensSerialNumber
])

const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 }

export class MalformedMetadata extends Error {}

/** Scrubs the TIFF structure starting at `start` of `bytes` (modified in place). */
export function scrubTiff(bytes: Buffer, start = 0, end = bytes.length) {
  const order = bytes.toString('latin1', start, start + 2)
  if (order !== 'II' && order !== 'MM') throw new MalformedMetadata('not a TIFF structure')
  const little = order === 'II'
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at))
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at))
  const inside = (offset: number, length: number) => offset >= 0 && start + offset + length <= end
  const seen = new Set<number>()

  /** Zeroes one entry's value, wherever it lives (inline, or at its offset). */
  const zeroValue = (entry: number) => {
    const size = (TYPE_SIZES[u16(entry + 2)] ?? 1) * u32(entry + 4)
    if (size <= 4) return bytes.fill(0, entry + 8, entry + 12)
    const offset = u32(entry + 8)
    if (inside(offset, size)) bytes.fill(0, start + offset, start + offset + size)
  }

  const walk = (offset: number, kind: 'main' | 'exif' | 'gps' | 'interop') => {
    if (offset === 0 || seen.has(offset) || !inside(offset, 2)) return
    seen.add(offset)
    const count = u16(start + offset)
    if (!inside(offset + 2, count * 12 + 4)) throw new MalformedMetadata('IFD runs past the end')
    const first = start + offset + 2
    if (kind === 'gps') {
      for (let index = 0; index < count; index++) zeroValue(first + index * 12)
      bytes.fill(0, start + offset, first + count * 12 + 4)
      return
    }
    for (let index = 0; index < count; index++) {
      const entry = first + index * 12
      const tag = u16(entry)
      if (tag === POINTERS.exif) walk(u32(entry + 8), 'exif')
      else if (tag === POINTERS.gps) walk(u32(entry + 8), 'gps')
      else if (tag === POINTERS.interop) walk(u32(entry + 8), 'interop')
      else if (PERSONAL.has(tag)) zeroValue(entry)
    }
    if (kind === 'main') walk(u32(first + count * 12), 'main')
  }

  if (!inside(4, 4)) throw new MalformedMetadata('truncated TIFF header')
  walk(u32(start + 4), 'main')
  return bytes
}
