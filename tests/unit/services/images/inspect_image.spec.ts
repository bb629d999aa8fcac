import { test } from '@japa/runner'
import sharp from 'sharp'
import { inspectImage } from '#services/images/inspect_image'
import { gradientJpeg, pixelBombPng } from '#tests/support/images'

test.group('Upload inspection', () => {
  test('accepts JPEG, PNG, WebP, AVIF and TIFF by their content', async ({ assert }) => {
    const base = sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
    const files = {
      jpeg: await base.clone().jpeg().toBuffer(),
      png: await base.clone().png().toBuffer(),
      webp: await base.clone().webp().toBuffer(),
      avif: await base.clone().avif().toBuffer(),
      tiff: await base.clone().tiff().toBuffer(),
    }
    for (const [format, buffer] of Object.entries(files)) {
      const result = await inspectImage(buffer, buffer.length)
      assert.deepInclude(result, { ok: true, format, width: 40, height: 30 }, format)
    }
  })

  test('refuses an SVG renamed to .jpg', async ({ assert }) => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')
    const result = await inspectImage(svg, svg.length)
    assert.deepInclude(result, { ok: false, reason: 'unsupported' })
    assert.match((result as any).message, /SVG files are not accepted/)
  })

  test('refuses an HTML page renamed to .png', async ({ assert }) => {
    const html = Buffer.from('<!doctype html><html><body><script>steal()</script></body></html>')
    const result = await inspectImage(html, html.length)
    assert.deepInclude(result, { ok: false, reason: 'unsupported' })
  })

  test('refuses a truncated JPEG', async ({ assert }) => {
    const jpeg = await gradientJpeg(800, 600)
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length * 0.6))
    const result = await inspectImage(truncated, truncated.length)
    assert.deepInclude(result, { ok: false, reason: 'corrupt' })
  })

  test('refuses a 20000×20000 PNG before decoding it', async ({ assert }) => {
    const bomb = pixelBombPng(20000, 20000)
    const result = await inspectImage(bomb, bomb.length)
    assert.deepEqual(result, { ok: false, reason: 'too_many_pixels', message: 'This image is 400 megapixels; the limit is 100.' })
  })

  test('refuses a file over the byte limit without reading it', async ({ assert }) => {
    const result = await inspectImage(Buffer.alloc(10), 61 * 1024 * 1024)
    assert.deepEqual(result, { ok: false, reason: 'too_large', message: 'This file is 61 MB; the limit is 60 MB.' })
  })
})
