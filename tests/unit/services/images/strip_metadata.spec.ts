import { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import { test } from '@japa/runner'
import sharp from 'sharp'
import { metadataStripper, MalformedMetadata } from '#services/images/metadata/strip_metadata'
import { exifTags } from '#tests/support/exif'

const PERSONAL = ['Jane Parent', 'SN-12345', 'Jane Owner', 'XMP Person']
const EXIF = {
  IFD0: { Make: 'LoupeCam', Model: 'Test 1', Artist: 'Jane Parent' },
  IFD2: { BodySerialNumber: 'SN-12345', CameraOwnerName: 'Jane Owner', ExposureTime: '1/125' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
}
const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>XMP Person</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>'

/** A camera-like original: GPS, owner, serial numbers, XMP and an orientation. */
function original(format: 'jpeg' | 'png' | 'webp' | 'tiff' | 'avif', options: Record<string, unknown> = {}) {
  const image = sharp({ create: { width: 96, height: 64, channels: 3, background: '#2040d0' } })
    .composite([{ input: { create: { width: 40, height: 64, channels: 3, background: '#d02020' } }, left: 0, top: 0 }])
    .withExif(EXIF)
    .withXmp(XMP)
    .withMetadata({ orientation: 6 })
  return (image as any)[format](options).toBuffer() as Promise<Buffer>
}

/** Streams `bytes` through the stripper in `chunk`-byte pieces. */
function strip(bytes: Buffer, mimeType: string, chunk = bytes.length) {
  const pieces: Buffer[] = []
  for (let at = 0; at < bytes.length; at += chunk) pieces.push(bytes.subarray(at, at + chunk))
  return buffer(Readable.from(pieces).pipe(metadataStripper(mimeType)))
}

/** The compressed image of a JPEG: from its first scan to its end marker. */
function scans(jpeg: Buffer) {
  return jpeg.subarray(jpeg.indexOf(Buffer.from([0xff, 0xda])), jpeg.lastIndexOf(Buffer.from([0xff, 0xd9])) + 2)
}

test.group('Originals without personal metadata', () => {
  test('a JPEG loses GPS, owner, serial numbers and XMP; keeps camera, exposure and orientation; its image is byte for byte the same', async ({ assert }) => {
    const input = await original('jpeg', { quality: 92 })
    const output = await strip(input, 'image/jpeg')
    const text = output.toString('latin1')
    for (const secret of PERSONAL) assert.notInclude(text, secret)
    const metadata = await sharp(output).metadata()
    assert.equal(metadata.orientation, 6)
    const tags = exifTags(metadata.exif!)
    assert.equal(tags.gps.size, 0, 'the GPS directory is empty')
    assert.include(text, 'LoupeCam')
    assert.isTrue(tags.exif.has(0x829a), 'exposure time stays')
    assert.isTrue(scans(output).equals(scans(input)), 'no re-encode: the compressed image is untouched')
    assert.isTrue((await sharp(output).raw().toBuffer()).equals(await sharp(input).raw().toBuffer()))
  })

  test('a progressive JPEG, streamed in tiny pieces, comes out the same as in one piece, ending at its end marker', async ({ assert }) => {
    const input = await original('jpeg', { progressive: true })
    const whole = await strip(input, 'image/jpeg')
    const pieces = await strip(input, 'image/jpeg', 7)
    assert.isTrue(whole.equals(pieces))
    assert.isTrue(scans(whole).equals(scans(input)))
    // Whatever a camera appends after the image (a second picture with its own EXIF) is left out.
    const appended = Buffer.concat([input, Buffer.from('Jane Parent was here')])
    assert.isTrue((await strip(appended, 'image/jpeg', 1000)).equals(whole))
  })

  for (const [format, mimeType] of [['png', 'image/png'], ['webp', 'image/webp'], ['avif', 'image/avif'], ['tiff', 'image/tiff']] as const) {
    test(`${format.toUpperCase()} originals lose their personal metadata and keep their pixels`, async ({ assert }) => {
      const input = await original(format)
      const output = await strip(input, mimeType, 500)
      const text = output.toString('latin1')
      for (const secret of PERSONAL) assert.notInclude(text, secret)
      const metadata = await sharp(output).metadata()
      if (metadata.exif) assert.equal(exifTags(metadata.exif).gps.size, 0)
      assert.isTrue((await sharp(output).raw().toBuffer()).equals(await sharp(input).raw().toBuffer()), 'lossless')
    })
  }

  test('a file that is not what its type says is refused, not passed through', async ({ assert }) => {
    await assert.rejects(() => strip(Buffer.from('GIF89a not a jpeg'), 'image/jpeg'), MalformedMetadata)
    await assert.rejects(() => strip(Buffer.from('not a png at all'), 'image/png'), MalformedMetadata)
  })
})
