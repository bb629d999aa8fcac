import { test } from '@japa/runner'
import sharp from 'sharp'
import { makeDerivatives, hexColour } from '#services/images/derivatives'
import { StatisticsTagger } from '#services/images/auto_tagger'
import { gradientJpeg } from '#tests/support/images'
import imagesConfig from '#config/images'

test.group('Image derivatives', () => {
  test('libvips runs the configured number of threads (IMAGE_THREADS), not sharp\'s guess', async ({ assert }) => {
    await makeDerivatives(await gradientJpeg(800, 600))
    assert.equal(sharp.concurrency(), imagesConfig.threads)
  })

  test('makes a 480 px WebP thumbnail, a 2048 px WebP preview and a JPEG web copy', async ({ assert }) => {
    const result = await makeDerivatives(await gradientJpeg(4000, 3000))
    const [thumb, preview, web] = await Promise.all([result.thumb, result.preview, result.web].map((b) => sharp(b).metadata()))
    assert.deepInclude(thumb, { format: 'webp', width: 480, height: 360 })
    assert.deepInclude(preview, { format: 'webp', width: 2048, height: 1536 })
    assert.deepInclude(web, { format: 'jpeg', width: 2048, height: 1536 })
  })

  test('applies the EXIF orientation: a sideways portrait comes out upright', async ({ assert }) => {
    // Stored 1200×800 with orientation 6 (rotate 90° clockwise to view): a 800×1200 portrait.
    const result = await makeDerivatives(await gradientJpeg(1200, 800, { orientation: 6 }))
    assert.equal(result.width, 800)
    assert.equal(result.height, 1200)
    const thumb = await sharp(result.thumb).metadata()
    assert.isUndefined(thumb.orientation)
    // Red was on the left of the stored image; after rotating clockwise it is at the top.
    const { data } = await sharp(result.thumb).resize(2, 2, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true })
    assert.isAbove(data[0], data[2], 'top-left pixel is red')
    assert.isAbove(data[8], data[6], 'bottom-left pixel is blue')
  })

  test('no derivative keeps EXIF or GPS metadata', async ({ assert }) => {
    const original = await gradientJpeg(1600, 1200, { gps: true })
    assert.exists((await sharp(original).metadata()).exif, 'the original carries EXIF')
    const result = await makeDerivatives(original, { watermarkText: 'Loupe' })
    for (const buffer of [result.thumb, result.preview, result.web, result.watermarked!]) {
      const metadata = await sharp(buffer).metadata()
      assert.notExists(metadata.exif)
      assert.notInclude(buffer.toString('latin1'), 'GPS')
      assert.notInclude(buffer.toString('latin1'), 'LoupeCam')
    }
  })

  test('the watermarked preview differs visibly from the plain one', async ({ assert }) => {
    const result = await makeDerivatives(await gradientJpeg(2400, 1600), { watermarkText: 'Loupe Studio' })
    const plain = await sharp(result.preview).raw().toBuffer()
    const marked = await sharp(result.watermarked!).raw().toBuffer()
    let changed = 0
    for (let i = 0; i < plain.length; i += 3) if (Math.abs(plain[i] - marked[i]) > 20) changed++
    const share = changed / (plain.length / 3)
    assert.isAbove(share, 0.03, 'at least 3% of pixels carry the mark')
    assert.isBelow(share, 0.6, 'the photo stays visible')
  })

  test('no watermark is made unless asked for', async ({ assert }) => {
    const result = await makeDerivatives(await gradientJpeg(600, 400))
    assert.isNull(result.watermarked)
  })

  test('small images are never enlarged', async ({ assert }) => {
    const result = await makeDerivatives(await gradientJpeg(300, 200))
    assert.deepInclude(await sharp(result.preview).metadata(), { width: 300, height: 200 })
  })

  test('auto tags name orientation, brightness and colour family', async ({ assert }) => {
    const blue = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#1030c0' } }).jpeg().toBuffer()
    const result = await makeDerivatives(blue)
    const tags = await new StatisticsTagger().tag(result)
    assert.includeMembers(tags, ['landscape', 'blue'])
    assert.match(hexColour(result.stats.dominant), /^#[0-9a-f]{6}$/)
  })
})
