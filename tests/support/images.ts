import sharp from 'sharp'
import { crc32, deflateSync } from 'node:zlib'

/** A JPEG of `width`×`height` with a left-to-right colour change, so orientation is visible. */
export async function gradientJpeg(width: number, height: number, options: { orientation?: number; gps?: boolean } = {}) {
  const left = await sharp({ create: { width: Math.ceil(width / 2), height, channels: 3, background: '#d02020' } }).png().toBuffer()
  let image = sharp({ create: { width, height, channels: 3, background: '#2040d0' } }).composite([{ input: left, left: 0, top: 0 }])
  if (options.orientation || options.gps) {
    image = image.withMetadata({
      orientation: options.orientation,
      exif: options.gps
        ? { IFD0: { Make: 'LoupeCam', Model: 'Test 1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } }
        : undefined,
    })
  }
  return image.jpeg({ quality: 90 }).toBuffer()
}

/** A PNG whose header claims `width`×`height` but carries almost no data: a pixel bomb. */
export function pixelBombPng(width: number, height: number) {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body) >>> 0)
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(16))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
