import drive from '@adonisjs/drive/services/main'
import type MediaAsset from '#models/media_asset'
import type { MediaVariants } from '#models/media_asset'
import { makeDerivatives, hexColour } from '#services/images/derivatives'
import { StatisticsTagger, type ImageTagger } from '#services/images/auto_tagger'

export interface ProcessedImage {
  variants: MediaVariants
  width: number
  height: number
  dominantColor: string
  tags: string[]
}

/**
 * Turns a stored original into its derivatives, written next to it on the same disk
 * (`media/<id>/thumb.webp`, …). Pure of database writes: the job records the result.
 */
export class ImagePipeline {
  constructor(private tagger: ImageTagger = new StatisticsTagger()) {}

  async process(asset: MediaAsset, options: { watermarkText?: string | null } = {}): Promise<ProcessedImage> {
    const disk = drive.use(asset.disk as any)
    const original = Buffer.from(await disk.getBytes(asset.key))
    const result = await makeDerivatives(original, options)

    const folder = asset.key.slice(0, asset.key.lastIndexOf('/'))
    const variants: MediaVariants = {
      thumb: `${folder}/thumb.webp`,
      preview: `${folder}/preview.webp`,
      web: `${folder}/web.jpg`,
      ...(result.watermarked ? { watermarked: `${folder}/watermarked.webp` } : {}),
    }
    await Promise.all([
      disk.put(variants.thumb!, result.thumb),
      disk.put(variants.preview!, result.preview),
      disk.put(variants.web!, result.web),
      result.watermarked ? disk.put(variants.watermarked!, result.watermarked) : null,
    ])

    return {
      variants,
      width: result.width,
      height: result.height,
      dominantColor: hexColour(result.stats.dominant),
      tags: await this.tagger.tag(result),
    }
  }
}
