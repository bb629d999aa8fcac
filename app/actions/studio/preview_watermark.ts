import { createHash } from 'node:crypto'
import sharp from 'sharp'
import StudioSetting from '#models/studio_setting'
import { makeWatermarked } from '#services/images/derivatives'
import { studioWatermark } from '#services/images/studio_watermark'
import type { WatermarkPlacement } from '#services/images/watermark'

export interface WatermarkPreviewInput {
  text?: string
  opacity: number
  size: number
  placement: WatermarkPlacement
  angle: number
  removeLogo?: boolean
}

/** A landscape with sky, hills and a sun: enough shapes to judge a mark's contrast over. */
const SAMPLE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7fb2e5"/><stop offset="1" stop-color="#f3d9b1"/></linearGradient></defs>
<rect width="1200" height="800" fill="url(#sky)"/><circle cx="900" cy="220" r="90" fill="#fff3c4"/>
<path d="M0 560 Q300 420 600 540 T1200 500 V800 H0Z" fill="#5b8c5a"/><path d="M0 650 Q400 560 800 660 T1200 640 V800 H0Z" fill="#2f5d3a"/></svg>`

let sample: Promise<Buffer> | null = null
const CACHE_SIZE = 32
const cache = new Map<string, Promise<Buffer>>()

/**
 * The sample photo marked as the form's current values would mark it, drawn by the same
 * code as gallery photos (makeWatermarked). Renders are kept per settings hash (the last
 * 32), so flicking between values on the form costs one render each.
 */
export default class PreviewWatermark {
  static async handle(input: WatermarkPreviewInput): Promise<{ image: Buffer; hash: string }> {
    const settings = await StudioSetting.current()
    const logoKey = input.removeLogo ? null : settings.watermarkLogoKey
    const key = { ...input, removeLogo: undefined, text: input.text?.trim() || settings.name, logoKey }
    const hash = createHash('sha256').update(JSON.stringify(key)).digest('base64url').slice(0, 22)
    let image = cache.get(hash)
    if (!image) {
      image = this.render(settings, input, logoKey)
      image.catch(() => cache.delete(hash))
      cache.set(hash, image)
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
    }
    return { image: await image, hash }
  }

  private static async render(settings: StudioSetting, input: WatermarkPreviewInput, logoKey: string | null) {
    sample ??= sharp(Buffer.from(SAMPLE_SVG)).jpeg({ quality: 85 }).toBuffer()
    const base = await studioWatermark(settings)
    const spec = { ...base, text: input.text?.trim() || settings.name, logo: logoKey ? base.logo : null }
    Object.assign(spec, { opacity: input.opacity / 100, size: input.size, placement: input.placement, angle: input.angle })
    const { watermarked } = await makeWatermarked(await sample, spec)
    return watermarked
  }
}
