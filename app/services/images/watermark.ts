import sharp from 'sharp'

export const WATERMARK_PLACEMENTS = ['tiled', 'center', 'bottom_right', 'bottom_left', 'top_right', 'top_left'] as const
export type WatermarkPlacement = (typeof WATERMARK_PLACEMENTS)[number]

/** The studio's mark, as studio settings describe it (see studioWatermark). */
export interface WatermarkSpec {
  /** The text drawn when there is no logo. */
  text: string
  /** A PNG logo (with its transparency), drawn instead of the text. */
  logo?: Buffer | null
  /** 0–1. */
  opacity: number
  /** The mark's height (text) or width (logo) as a percentage of the image's short edge. */
  size: number
  placement: WatermarkPlacement
  /** Tiled marks run at this angle (degrees, counter-clockwise positive). */
  angle: number
}

export const DEFAULT_WATERMARK: Omit<WatermarkSpec, 'text'> = { opacity: 0.35, size: 8, placement: 'tiled', angle: 30 }

/** A mark's ink box in the overlay's un-rotated coordinates. */
export interface MarkBox {
  x: number
  y: number
  width: number
  height: number
}

export interface WatermarkLayout {
  /** Every copy of the mark; tiled copies are rotated together by `angle` about the centre. */
  boxes: MarkBox[]
  angle: number
}

const FONT = 'DejaVu Sans, Liberation Sans, sans-serif'
const MEASURE_SIZE = 100

/** Ink box of a label drawn at font-size 100 with its baseline at (0, 0): measured by rendering it once. */
const measured = new Map<string, Promise<{ left: number; top: number; width: number; height: number }>>()

function measureText(text: string) {
  let hit = measured.get(text)
  if (!hit) {
    hit = (async () => {
      const pad = MEASURE_SIZE
      const width = Math.ceil(text.length * MEASURE_SIZE * 1.1) + pad * 2
      const height = MEASURE_SIZE * 3
      const svg =
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>` +
        `<text x="${pad}" y="${pad * 2}" font-family="${FONT}" font-size="${MEASURE_SIZE}" font-weight="bold" fill="#000">${escapeXml(text)}</text></svg>`
      const { info } = await sharp(Buffer.from(svg)).flatten().trim({ threshold: 10 }).toBuffer({ resolveWithObject: true })
      const left = -(info.trimOffsetLeft ?? 0) - pad
      const top = -(info.trimOffsetTop ?? 0) - pad * 2
      return { left, top, width: info.width, height: info.height }
    })()
    measured.set(text, hit)
    if (measured.size > 100) measured.delete(measured.keys().next().value!)
    hit.catch(() => measured.delete(text))
  }
  return hit
}

function labelOf(spec: WatermarkSpec) {
  return spec.text.trim() || 'Proof'
}

/** The mark's own size at this image size: text measured as rendered, a logo scaled to its width. */
async function markSize(width: number, height: number, spec: WatermarkSpec) {
  const short = Math.min(width, height)
  if (spec.logo) {
    const meta = await sharp(spec.logo).metadata()
    const w = Math.max(8, Math.round((short * spec.size) / 100))
    const h = Math.max(1, Math.round((w * (meta.height ?? 1)) / (meta.width ?? 1)))
    return { width: w, height: h, fontSize: 0, ink: { left: 0, top: 0 } }
  }
  const fontSize = Math.max(12, Math.round((short * spec.size) / 100))
  const ink = await measureText(labelOf(spec))
  const scale = fontSize / MEASURE_SIZE
  return {
    width: Math.ceil(ink.width * scale),
    height: Math.ceil(ink.height * scale),
    fontSize,
    ink: { left: ink.left * scale, top: ink.top * scale },
  }
}

/**
 * Where the copies of the mark go. Tiled: rows across the whole rotated area, each copy a
 * full mark-width plus a gap from the next and the rows a mark-height plus a gap apart (odd
 * rows shifted half a step), so no two copies ever touch at any size. Otherwise one copy,
 * in the centre or a corner with a margin.
 */
export async function watermarkLayout(width: number, height: number, spec: WatermarkSpec): Promise<WatermarkLayout & { mark: Awaited<ReturnType<typeof markSize>> }> {
  const mark = await markSize(width, height, spec)
  if (spec.placement !== 'tiled') {
    const margin = Math.round(Math.min(width, height) * 0.04)
    const x = spec.placement.endsWith('left') ? margin : spec.placement === 'center' ? (width - mark.width) / 2 : width - margin - mark.width
    const y = spec.placement.startsWith('top') ? margin : spec.placement === 'center' ? (height - mark.height) / 2 : height - margin - mark.height
    return { mark, angle: 0, boxes: [{ x: Math.round(x), y: Math.round(y), width: mark.width, height: mark.height }] }
  }
  const gapX = Math.max(mark.height * 2, Math.round(mark.width * 0.5))
  const gapY = Math.max(mark.height * 2, 8)
  const stepX = mark.width + gapX
  const stepY = mark.height + gapY
  // The rotated grid must cover the image's corners: lay it over the diagonal's square.
  const diagonal = Math.ceil(Math.hypot(width, height))
  const left = width / 2 - diagonal / 2 - stepX
  const top = height / 2 - diagonal / 2
  const boxes: MarkBox[] = []
  for (let row = 0, y = top; y < top + diagonal + stepY; row++, y += stepY) {
    const shift = row % 2 ? stepX / 2 : 0
    for (let x = left + shift; x < left + diagonal + stepX * 2; x += stepX) {
      boxes.push({ x: Math.round(x), y: Math.round(y), width: mark.width, height: mark.height })
    }
  }
  return { mark, angle: spec.angle, boxes }
}

/** The mark over an image of this size: a transparent PNG-able SVG the size of the image. */
export async function watermarkOverlay(width: number, height: number, spec: WatermarkSpec): Promise<Buffer> {
  const { boxes, angle, mark } = await watermarkLayout(width, height, spec)
  const opacity = Math.min(1, Math.max(0.05, spec.opacity))
  let copies: string
  if (spec.logo) {
    const png = await sharp(spec.logo).resize(mark.width, mark.height, { fit: 'fill' }).png().toBuffer()
    const href = `data:image/png;base64,${png.toString('base64')}`
    copies = boxes.map((b) => `<image x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" href="${href}"/>`).join('')
  } else {
    const label = escapeXml(labelOf(spec))
    // A text's position is its baseline: the ink box starts `ink.left` right and `ink.top` above it.
    copies =
      `<g font-family="${FONT}" font-size="${mark.fontSize}" font-weight="bold" fill="#ffffff" stroke="#000000" stroke-opacity="0.5" stroke-width="${Math.max(0.5, mark.fontSize / 40)}">` +
      boxes.map((b) => `<text x="${(b.x - mark.ink.left).toFixed(1)}" y="${(b.y - mark.ink.top).toFixed(1)}">${label}</text>`).join('') +
      `</g>`
  }
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<g opacity="${opacity}" transform="rotate(${-angle} ${width / 2} ${height / 2})">${copies}</g></svg>`
  )
}

function escapeXml(value: string) {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
