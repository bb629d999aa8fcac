import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import sharp from 'sharp'
import drive from '@adonisjs/drive/services/main'
import MediaAsset from '#models/media_asset'
import { ImagePipeline } from '#services/images/image_pipeline'
import { makeDerivatives } from '#services/images/derivatives'
import { inspectImage } from '#services/images/inspect_image'
import { gradientJpeg, pixelBombPng } from '#tests/support/images'
import imagesConfig from '#config/images'
import { StatisticsTagger, type TaggableImage } from '#services/images/auto_tagger'
import { ImageSlots } from '#services/images/image_slots'

/** An original on the test disk, as the upload leaves it (the asset is not saved: the pipeline writes no rows). */
async function storedOriginal(bytes: Buffer) {
  const id = randomUUID()
  const asset = new MediaAsset()
  asset.fill({ id, disk: 'fs', key: `media/${id}/original.jpg`, mimeType: 'image/jpeg', status: 'processing' })
  await drive.use('fs').put(asset.key, bytes)
  return asset
}

/** Share of pixels whose red channel moved by more than 20 between two raw RGB buffers. */
function changedShare(a: Buffer, b: Buffer, channels: number) {
  let changed = 0
  for (let i = 0; i < a.length; i += channels) if (Math.abs(a[i] - b[i]) > 20) changed++
  return changed / (a.length / channels)
}

/** The left-top quarter as 2×2 average colours: [top-left, top-right, bottom-left, bottom-right] as [r, b]. */
async function corners(buffer: Buffer) {
  const { data } = await sharp(buffer).resize(2, 2, { fit: 'fill' }).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return [0, 1, 2, 3].map((pixel) => ({ red: data[pixel * 3], blue: data[pixel * 3 + 2] }))
}

test.group('Image pipeline (on the disk)', () => {
  test('writes upright thumb, preview, web and watermarked files next to the original, with no metadata', async ({ assert, cleanup }) => {
    // Stored 1600×1200 with orientation 8 (rotate 90° counter-clockwise to view), camera and GPS tags.
    const original = await gradientJpeg(1600, 1200, { orientation: 8, gps: true })
    const asset = await storedOriginal(original)
    cleanup(() => drive.use('fs').deleteAll(`media/${asset.id}`))

    const result = await new ImagePipeline().process(asset, { watermarkText: 'Loupe Studio' })
    const folder = `media/${asset.id}`
    assert.deepEqual(result.variants, {
      thumb: `${folder}/thumb.webp`,
      preview: `${folder}/preview.webp`,
      web: `${folder}/web.jpg`,
      watermarked: `${folder}/watermarked.webp`,
      watermarkedThumb: `${folder}/watermarked_thumb.webp`,
    })
    assert.deepInclude(result, { width: 1200, height: 1600 })
    assert.include(result.tags, 'portrait')
    assert.match(result.dominantColor, /^#[0-9a-f]{6}$/)

    const sizes = { thumb: [360, 480], preview: [1200, 1600], web: [1200, 1600], watermarked: [1200, 1600], watermarkedThumb: [360, 480] }
    for (const [name, [width, height]] of Object.entries(sizes)) {
      const bytes = Buffer.from(await drive.use('fs').getBytes(result.variants[name as keyof typeof sizes]!))
      const metadata = await sharp(bytes).metadata()
      assert.deepInclude(metadata, { width, height }, name)
      assert.notExists(metadata.exif, `${name} keeps no EXIF`)
      assert.notExists(metadata.orientation, `${name} needs no rotation to view`)
      assert.notInclude(bytes.toString('latin1'), 'LoupeCam', name)
      // Red was on the left of the stored image; rotated counter-clockwise it is at the bottom.
      const [topLeft, , bottomLeft] = await corners(bytes)
      assert.isAbove(topLeft.blue, topLeft.red, `${name}: top is blue`)
      assert.isAbove(bottomLeft.red, bottomLeft.blue, `${name}: bottom is red`)
    }
  })

  test('an upside-down original (orientation 3) comes out the right way up', async ({ assert }) => {
    const result = await makeDerivatives(await gradientJpeg(900, 600, { orientation: 3 }))
    assert.deepInclude(result, { width: 900, height: 600 })
    // Rotated 180°: red (stored on the left) is now on the right.
    const [topLeft, topRight] = await corners(result.web)
    assert.isAbove(topLeft.blue, topLeft.red)
    assert.isAbove(topRight.red, topRight.blue)
  })
})

/** The built-in tagger, slowed down, counting how many photos reach it at the same time. */
class CountingTagger extends StatisticsTagger {
  active = 0
  mostAtOnce = 0

  async tag(image: TaggableImage) {
    this.active++
    this.mostAtOnce = Math.max(this.mostAtOnce, this.active)
    await new Promise((resolve) => setTimeout(resolve, 30))
    this.active--
    return super.tag(image)
  }
}

test.group('Image pipeline: photos take turns', () => {
  test('media jobs side by side: the pipeline works IMAGE_CONCURRENCY photos at once, and finishes them all', async ({ assert, cleanup }) => {
    const assets = await Promise.all([1, 2, 3].map(async () => storedOriginal(await gradientJpeg(1200, 800))))
    cleanup(async () => {
      await Promise.all(assets.map((asset) => drive.use('fs').deleteAll(`media/${asset.id}`)))
    })
    const tagger = new CountingTagger()

    const results = await Promise.all(assets.map((asset) => new ImagePipeline(tagger).process(asset)))
    assert.equal(imagesConfig.concurrency, 1, 'the default')
    assert.equal(tagger.mostAtOnce, 1)
    assert.deepEqual(results.map((result) => result.variants.thumb), assets.map((asset) => `media/${asset.id}/thumb.webp`))
  })

  test('with two slots, two photos are worked on at once', async ({ assert, cleanup }) => {
    const assets = await Promise.all([1, 2, 3, 4].map(async () => storedOriginal(await gradientJpeg(1200, 800))))
    cleanup(async () => {
      await Promise.all(assets.map((asset) => drive.use('fs').deleteAll(`media/${asset.id}`)))
    })
    const tagger = new CountingTagger()
    const slots = new ImageSlots(2)

    await Promise.all(assets.map((asset) => new ImagePipeline(tagger, slots).process(asset)))
    assert.isAtMost(tagger.mostAtOnce, 2)
  })
})

test.group('Image pipeline: the watermark', () => {
  test('every region of the watermarked preview carries the mark: cropping cannot remove it', async ({ assert }) => {
    const result = await makeDerivatives(await gradientJpeg(2400, 1600), { watermarkText: 'Loupe Studio' })
    const { width, height } = result
    const regions = 3
    for (let row = 0; row < regions; row++) {
      for (let column = 0; column < regions; column++) {
        const region = {
          left: Math.floor((column * width) / regions),
          top: Math.floor((row * height) / regions),
          width: Math.floor(width / regions),
          height: Math.floor(height / regions),
        }
        const plain = await sharp(result.preview).extract(region).raw().toBuffer()
        const marked = await sharp(result.watermarked!).extract(region).raw().toBuffer()
        assert.isAbove(changedShare(plain, marked, 3), 0.01, `region ${row},${column} is marked`)
      }
    }
  })

  test('the watermarked thumbnail carries the mark too; the plain thumbnail stays clean', async ({ assert }) => {
    const result = await makeDerivatives(await gradientJpeg(1800, 1200), { watermarkText: 'Loupe Studio' })
    const raw = (buffer: Buffer) => sharp(buffer).raw().toBuffer()
    assert.deepInclude(await sharp(result.watermarkedThumb!).metadata(), { format: 'webp', width: 480, height: 320 })
    assert.isAbove(changedShare(await raw(result.watermarkedThumb!), await raw(result.thumb), 3), 0.03)
    assert.isNull((await makeDerivatives(await gradientJpeg(600, 400))).watermarkedThumb)
  })

  test('the mark is only on the watermarked file: preview and web-size copies stay clean', async ({ assert }) => {
    const marked = await makeDerivatives(await gradientJpeg(1800, 1200), { watermarkText: 'Loupe Studio' })
    const unmarked = await makeDerivatives(await gradientJpeg(1800, 1200))
    const raw = (buffer: Buffer) => sharp(buffer).removeAlpha().raw().toBuffer()

    assert.isBelow(changedShare(await raw(marked.preview), await raw(unmarked.preview), 3), 0.001)
    assert.isBelow(changedShare(await raw(marked.web), await raw(unmarked.web), 3), 0.001)
    assert.isBelow(changedShare(await raw(marked.web), await raw(marked.preview), 3), 0.001, 'web is the preview as JPEG')
    assert.isAbove(changedShare(await raw(marked.watermarked!), await raw(marked.preview), 3), 0.03)
  })

  test('the watermark text is escaped, not parsed as SVG', async ({ assert }) => {
    const result = await makeDerivatives(await gradientJpeg(600, 400), { watermarkText: '</text><image href="file:///etc/passwd"/>' })
    assert.deepInclude(await sharp(result.watermarked!).metadata(), { format: 'webp', width: 600, height: 400 })
  })
})

test.group('Image pipeline: refusals', () => {
  test('an SVG with an XML prolog, renamed to .jpg, is refused', async ({ assert }) => {
    const svg = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000">' +
        '<rect width="100%" height="100%" fill="red"/><script>fetch("/admin")</script></svg>'
    )
    const result = await inspectImage(svg, svg.length)
    assert.isFalse(result.ok)
    assert.equal((result as { reason: string }).reason, 'unsupported')
  })

  test('an HTML page behind a JPEG signature (a polyglot) is refused', async ({ assert }) => {
    const polyglot = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>steal()</script></html>')])
    const result = await inspectImage(polyglot, polyglot.length)
    assert.isFalse(result.ok)
    assert.oneOf((result as { reason: string }).reason, ['unsupported', 'corrupt'])
  })

  test('a JPEG cut off after its header is refused as damaged', async ({ assert }) => {
    const jpeg = await gradientJpeg(1200, 900)
    // Header and tables intact (libvips can read the size), scan data mostly gone.
    const truncated = jpeg.subarray(0, 2048)
    assert.equal((await sharp(truncated).metadata()).width, 1200, 'the header still reads')
    assert.deepInclude(await inspectImage(truncated, truncated.length), { ok: false, reason: 'corrupt' })
  })

  test('the derivatives refuse a pixel bomb on their own, by its header', async ({ assert }) => {
    // Defence in depth: a job run on a file that skipped inspection still stops at the limit.
    await assert.rejects(() => makeDerivatives(pixelBombPng(20000, 20000)), /pixel limit/)
  })
})
