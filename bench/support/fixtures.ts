import { mkdir, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'

export interface Fixture {
  path: string
  width: number
  height: number
  bytes: number
}

/**
 * Camera-like JPEGs (~24 MP): a two-axis colour gradient, soft shapes and per-pixel
 * sensor noise, at quality 92, so decoding and file sizes (~8–12 MB) resemble real
 * photos rather than flat test cards. Every third one is portrait. Made once per size
 * and count into `dir`, then reused.
 */
export async function ensureJpegFixtures(dir: string, count: number, long = 6000, short = 4000): Promise<Fixture[]> {
  await mkdir(dir, { recursive: true })
  const existing = new Set(await readdir(dir))
  const fixtures: Fixture[] = []
  for (let index = 0; index < count; index++) {
    const portrait = index % 3 === 2
    const [width, height] = portrait ? [short, long] : [long, short]
    const name = `photo-${width}x${height}-${String(index + 1).padStart(3, '0')}.jpg`
    const path = join(dir, name)
    if (!existing.has(name)) {
      process.stdout.write(`  generating ${name}…\n`)
      await syntheticPhoto(width, height, index + 1).toFile(path)
    }
    fixtures.push({ path, width, height, bytes: (await stat(path)).size })
  }
  return fixtures
}

function syntheticPhoto(width: number, height: number, seed: number) {
  const random = xorshift(seed * 7919)
  const palette = Array.from({ length: 4 }, () => [random() * 255, random() * 255, random() * 255])
  const [tl, tr, bl, br] = palette

  // Gradient at 1/8 scale (cheap), enlarged smoothly; noise added at full size below.
  const gw = Math.ceil(width / 8)
  const gh = Math.ceil(height / 8)
  const gradient = Buffer.alloc(gw * gh * 3)
  for (let y = 0; y < gh; y++) {
    const v = y / (gh - 1)
    for (let x = 0; x < gw; x++) {
      const u = x / (gw - 1)
      for (let c = 0; c < 3; c++) {
        gradient[(y * gw + x) * 3 + c] = (1 - v) * ((1 - u) * tl[c] + u * tr[c]) + v * ((1 - u) * bl[c] + u * br[c])
      }
    }
  }

  const shapes: string[] = []
  for (let i = 0; i < 40; i++) {
    const colour = `rgb(${Math.round(random() * 255)},${Math.round(random() * 255)},${Math.round(random() * 255)})`
    const opacity = (0.25 + random() * 0.5).toFixed(2)
    const x = Math.round(random() * width)
    const y = Math.round(random() * height)
    const size = Math.round(60 + random() * Math.min(width, height) * 0.3)
    shapes.push(
      i % 3 === 0
        ? `<circle cx="${x}" cy="${y}" r="${size / 2}" fill="${colour}" fill-opacity="${opacity}"/>`
        : i % 3 === 1
          ? `<rect x="${x}" y="${y}" width="${size}" height="${Math.round(size * 0.6)}" fill="${colour}" fill-opacity="${opacity}" transform="rotate(${Math.round(random() * 90)} ${x} ${y})"/>`
          : `<path d="M${x} ${y} q ${size} ${-size} ${size * 2} 0 t ${size * 2} 0" stroke="${colour}" stroke-opacity="${opacity}" stroke-width="${Math.round(4 + random() * 30)}" fill="none"/>`
    )
  }
  const overlay = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes.join('')}</svg>`)

  const noise = Buffer.alloc(width * height)
  for (let i = 0; i < noise.length; i++) noise[i] = 128 + (random() - 0.5) * 64

  return sharp(gradient, { raw: { width: gw, height: gh, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .composite([
      { input: overlay, blend: 'over' },
      { input: noise, raw: { width, height, channels: 1 }, blend: 'soft-light' },
    ])
    .jpeg({ quality: 92, chromaSubsampling: '4:2:0' })
}

/** Deterministic [0, 1) numbers, so the same seed always makes the same photo. */
function xorshift(seed: number) {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 4294967296
  }
}
