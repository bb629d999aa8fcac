import drive from '@adonisjs/drive/services/main'
import type MediaAsset from '#models/media_asset'
import type { MediaVariants } from '#models/media_asset'
import { makeDerivatives, hexColour, type DerivativeOptions } from '#services/images/derivatives'
import { StatisticsTagger, type ImageTagger } from '#services/images/auto_tagger'
import { imageSlots, type ImageSlots } from '#services/images/image_slots'

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
 * Photos take turns in the process's image slots (IMAGE_CONCURRENCY), from reading the
 * original to writing the last file, so memory stays bounded however many jobs run.
 */
export class ImagePipeline {
  constructor(
    private tagger: ImageTagger = new StatisticsTagger(),
    private slots: ImageSlots = imageSlots
  ) {}

  process(asset: MediaAsset, options: DerivativeOptions = {}): Promise<ProcessedImage> {
    return this.slots.run(() => this.#process(asset, options))
  }

  async #process(asset: MediaAsset, options: DerivativeOptions): Promise<ProcessedImage> {
    const disk = drive.use(asset.disk as any)
    const bytes = await disk.getBytes(asset.key)
    // A view of the bytes read, not a copy: an original is tens of megabytes.
    const original = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const result = await makeDerivatives(original, options)

    const folder = asset.key.slice(0, asset.key.lastIndexOf('/'))
    const variants: MediaVariants = {
      thumb: `${folder}/thumb.webp`,
      preview: `${folder}/preview.webp`,
      web: `${folder}/web.jpg`,
      ...(result.watermarked ? { watermarked: `${folder}/watermarked.webp` } : {}),
      ...(result.watermarkedThumb ? { watermarkedThumb: `${folder}/watermarked_thumb.webp` } : {}),
    }
    await Promise.all([
      disk.put(variants.thumb!, result.thumb),
      disk.put(variants.preview!, result.preview),
      disk.put(variants.web!, result.web),
      result.watermarked ? disk.put(variants.watermarked!, result.watermarked) : null,
      result.watermarkedThumb ? disk.put(variants.watermarkedThumb!, result.watermarkedThumb) : null,
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
