/** The tags of a TIFF structure's IFD0, Exif and GPS directories (a reader of our own, for assertions). */
export function exifTags(exif: Buffer) {
  const start = exif.toString('latin1', 0, 6) === 'Exif\0\0' ? 6 : 0
  const little = exif.toString('latin1', start, start + 2) === 'II'
  const u16 = (at: number) => (little ? exif.readUInt16LE(start + at) : exif.readUInt16BE(start + at))
  const u32 = (at: number) => (little ? exif.readUInt32LE(start + at) : exif.readUInt32BE(start + at))
  const ifd = (offset: number) => {
    const tags = new Map<number, number>()
    for (let index = 0; index < u16(offset); index++) tags.set(u16(offset + 2 + index * 12), u32(offset + 2 + index * 12 + 8))
    return tags
  }
  const ifd0 = ifd(u32(4))
  return {
    ifd0,
    exif: ifd0.has(0x8769) ? ifd(ifd0.get(0x8769)!) : new Map<number, number>(),
    gps: ifd0.has(0x8825) ? ifd(ifd0.get(0x8825)!) : new Map<number, number>(),
  }
}
