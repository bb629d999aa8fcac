import sharp from 'sharp'
import drive from '@adonisjs/drive/services/main'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { randomUUID } from 'node:crypto'
import MediaAsset from '#models/media_asset'
import { DemoRandom } from '#database/demo/random'
import { makeDerivatives, hexColour } from '#services/images/derivatives'
import type { WatermarkSpec } from '#services/images/watermark'

/**
 * A rendered demo picture: the original JPEG and every derivative a real upload gets
 * (made by the same code as the upload pipeline: thumb, preview, web-size JPEG, and the
 * watermarked preview and thumbnail when the pool is given the studio's watermark).
 */
export type DemoImage = {
  original: Buffer
  preview: Buffer
  thumb: Buffer
  web: Buffer
  watermarked: Buffer | null
  watermarkedThumb: Buffer | null
  /** The studio watermark version the marked files were made with. */
  watermarkVersion: number | null
  width: number
  height: number
  dominantColor: string
}

const SHAPES = [[900, 600], [600, 900], [720, 720], [900, 506], [640, 800]] as const

/** Stage-light gradients, a few bold shapes and a lightning bolt: small, varied and fast to render. */
function svg(rng: DemoRandom, width: number, height: number) {
  const hue = rng.int(0, 359)
  const second = (hue + rng.int(60, 200)) % 360
  const shapes: string[] = []
  const count = rng.int(3, 7)
  for (let i = 0; i < count; i++) {
    const h = (hue + rng.int(0, 359)) % 360
    const x = rng.int(0, width)
    const y = rng.int(0, height)
    const size = rng.int(40, Math.round(Math.min(width, height) / 2))
    const circle = rng.chance(0.5)
    const turn = rng.int(-40, 40)
    shapes.push(
      circle
        ? `<circle cx="${x}" cy="${y}" r="${size}" fill="hsl(${h},80%,60%)" fill-opacity="0.55"/>`
        : `<rect x="${x - size}" y="${y - size / 2}" width="${size * 2}" height="${size}" ` +
            `fill="hsl(${h},70%,50%)" fill-opacity="0.5" transform="rotate(${turn} ${x} ${y})"/>`
    )
  }
  const bx = rng.int(Math.round(width * 0.2), Math.round(width * 0.7))
  const by = Math.round(height * 0.2)
  const [quarter, third] = [Math.round(height * 0.25), Math.round(height * 0.35)]
  const bolt = `M${bx} ${by} l60 0 l-40 ${quarter} l50 0 l-110 ${third} l30 -${quarter} l-45 0 z`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="${rng.int(0, 1)}" y2="1">
      <stop offset="0" stop-color="hsl(${hue},70%,${rng.int(15, 40)}%)"/>
      <stop offset="1" stop-color="hsl(${second},75%,${rng.int(35, 65)}%)"/>
    </linearGradient>
    <radialGradient id="spot" cx="${rng.int(20, 80)}%" cy="0%" r="80%">
      <stop offset="0" stop-color="#fff" stop-opacity="0.55"/>
      <stop offset="1" stop-color="#fff" stop-opacity="0"/>
    </radialGradient>
  </defs>
  <rect width="100%" height="100%" fill="url(#bg)"/>
  ${shapes.join('\n  ')}
  <rect width="100%" height="100%" fill="url(#spot)"/>
  <path d="${bolt}" fill="hsl(${(hue + 180) % 360},90%,65%)" fill-opacity="0.8"/>
</svg>`
}

async function render(seed: string, index: number, watermark: { spec: WatermarkSpec; version: number } | null): Promise<DemoImage> {
  const rng = new DemoRandom(`${seed}-${index}`)
  rng.next() // neighbouring seeds start alike; one draw spreads them
  const [width, height] = SHAPES[index % SHAPES.length]
  const { data, info } = await sharp(Buffer.from(svg(rng, width, height)))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const original = await sharp(data, { raw: info }).jpeg({ quality: 80 }).toBuffer()
  // The upload pipeline's own derivatives, so the demo holds what real uploads hold.
  const made = await makeDerivatives(original, { watermark: watermark?.spec ?? null })
  return {
    original,
    preview: made.preview,
    thumb: made.thumb,
    web: made.web,
    watermarked: made.watermarked,
    watermarkedThumb: made.watermarkedThumb,
    watermarkVersion: watermark?.version ?? null,
    width: made.width,
    height: made.height,
    dominantColor: hexColour(made.stats.dominant),
  }
}

/**
 * A handful of distinct pictures reused round-robin: rendered on first use only, so a
 * re-run of an already seeded database renders nothing.
 */
export class DemoImagePool {
  #images?: Promise<DemoImage[]>

  constructor(
    private size: number,
    private seed: string,
    /** The studio's watermark: watermarked variants are made too (gallery photos). */
    private watermark: (() => Promise<{ spec: WatermarkSpec; version: number } | null>) | null = null
  ) {}

  async at(index: number) {
    this.#images ??= (async () => {
      const watermark = this.watermark ? await this.watermark() : null
      const images: DemoImage[] = []
      // one at a time: the pipeline takes the process's image threads anyway
      for (let i = 0; i < this.size; i++) images.push(await render(this.seed, i, watermark))
      return images
    })()
    const images = await this.#images
    return images[index % images.length]
  }
}

/** Writes the files under `media/<asset id>/` on the default Drive disk and records the asset. */
export async function storeDemoImage(
  image: DemoImage,
  client: QueryClientContract,
  details: { filename: string; tags?: string[] }
) {
  const id = randomUUID()
  const keys = {
    original: `media/${id}/original.jpg`,
    preview: `media/${id}/preview.webp`,
    thumb: `media/${id}/thumb.webp`,
    web: `media/${id}/web.jpg`,
    ...(image.watermarked ? { watermarked: `media/${id}/watermarked.webp` } : {}),
    ...(image.watermarkedThumb ? { watermarkedThumb: `media/${id}/watermarked_thumb.webp` } : {}),
  }
  const disk = drive.use()
  await Promise.all([
    disk.put(keys.original, image.original),
    disk.put(keys.preview, image.preview),
    disk.put(keys.thumb, image.thumb),
    disk.put(keys.web, image.web),
    image.watermarked ? disk.put(keys.watermarked!, image.watermarked) : null,
    image.watermarkedThumb ? disk.put(keys.watermarkedThumb!, image.watermarkedThumb) : null,
  ])
  return MediaAsset.create(
    {
      id,
      disk: 'fs',
      key: keys.original,
      originalFilename: details.filename,
      mimeType: 'image/jpeg',
      byteSize: image.original.length,
      width: image.width,
      height: image.height,
      variants: keys,
      dominantColor: image.dominantColor,
      tags: details.tags ?? null,
      exif: null,
      status: 'ready',
      watermarkVersion: image.watermarkVersion,
    },
    { client }
  )
}
