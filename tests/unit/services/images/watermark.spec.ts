import { test } from '@japa/runner'
import sharp from 'sharp'
import { DEFAULT_WATERMARK, watermarkLayout, watermarkOverlay, type MarkBox, type WatermarkSpec } from '#services/images/watermark'

const SIZES = [
  [480, 320],
  [320, 480],
  [390, 390],
  [2048, 1365],
  [1365, 2048],
  [120, 80],
] as const
const TEXTS = ['LOUPE · PROOF', 'Rockstar Portraits of Austin, Texas', 'W']

function intersects(a: MarkBox, b: MarkBox) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

function spec(text: string, merge: Partial<WatermarkSpec> = {}): WatermarkSpec {
  return { ...DEFAULT_WATERMARK, text, ...merge }
}

/** Pixels the overlay draws (alpha > 0) outside every box of its layout, the boxes grown by `slack`. */
async function inkOutsideBoxes(width: number, height: number, mark: WatermarkSpec, slack: number) {
  const { boxes } = await watermarkLayout(width, height, mark)
  const { data } = await sharp(await watermarkOverlay(width, height, mark)).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const inside = new Uint8Array(width * height)
  for (const box of boxes) {
    for (let y = Math.max(0, box.y - slack); y < Math.min(height, box.y + box.height + slack); y++) {
      for (let x = Math.max(0, box.x - slack); x < Math.min(width, box.x + box.width + slack); x++) inside[y * width + x] = 1
    }
  }
  let outside = 0
  let drawn = 0
  for (let i = 0; i < width * height; i++) {
    if (data[i * 4 + 3] > 0) {
      drawn++
      if (!inside[i]) outside++
    }
  }
  return { outside, drawn }
}

test.group('Watermark layout', () => {
  test('tiled copies of the mark never touch, at every preview size and for short and long texts', async ({ assert }) => {
    for (const [width, height] of SIZES) {
      for (const text of TEXTS) {
        const { boxes } = await watermarkLayout(width, height, spec(text))
        assert.isAbove(boxes.length, 1)
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            assert.isFalse(intersects(boxes[i], boxes[j]), `"${text}" at ${width}×${height}: copies ${i} and ${j} overlap`)
          }
        }
      }
    }
  })

  test('the boxes are where the text is really drawn: rendered ink stays inside them', async ({ assert }) => {
    for (const [width, height] of [[800, 600], [390, 520]] as const) {
      for (const text of TEXTS) {
        // Unrotated, so the render can be compared with the boxes pixel for pixel.
        const { outside, drawn } = await inkOutsideBoxes(width, height, spec(text, { angle: 0, opacity: 1 }), 3)
        assert.isAbove(drawn, 100, 'the mark is drawn')
        assert.equal(outside, 0, `"${text}" at ${width}×${height}: ink outside the measured boxes`)
      }
    }
  })

  test('one copy in a corner or the centre, inside the image with a margin', async ({ assert }) => {
    for (const placement of ['center', 'bottom_right', 'top_left'] as const) {
      const { boxes } = await watermarkLayout(1200, 800, spec('LOUPE', { placement, size: 10 }))
      assert.lengthOf(boxes, 1)
      const [box] = boxes
      assert.isAtLeast(box.x, 0)
      assert.isAtLeast(box.y, 0)
      assert.isAtMost(box.x + box.width, 1200)
      assert.isAtMost(box.y + box.height, 800)
      if (placement === 'bottom_right') assert.isAbove(box.x, 600)
    }
    const { outside } = await inkOutsideBoxes(1200, 800, spec('LOUPE', { placement: 'bottom_right', size: 10, opacity: 1 }), 3)
    assert.equal(outside, 0)
  })

  test('a PNG logo is drawn at its size and opacity instead of the text', async ({ assert }) => {
    const logo = await sharp({ create: { width: 200, height: 100, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 1 } } }).png().toBuffer()
    const mark = spec('ignored', { logo, placement: 'center', size: 50, opacity: 0.5 })
    const { boxes } = await watermarkLayout(800, 600, mark)
    assert.deepEqual(boxes, [{ x: 250, y: 225, width: 300, height: 150 }])
    const { data } = await sharp(await watermarkOverlay(800, 600, mark)).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
    const centre = (300 * 800 + 400) * 4
    assert.isAbove(data[centre], 200, 'red')
    assert.closeTo(data[centre + 3], 128, 10, 'half opaque')
    assert.equal(data[(10 * 800 + 10) * 4 + 3], 0, 'nothing outside the logo')
  })
})
