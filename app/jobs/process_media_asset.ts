import db from '@adonisjs/lucid/services/db'
import Gallery from '#models/gallery'
import MediaAsset from '#models/media_asset'
import StudioSetting from '#models/studio_setting'
import { ImagePipeline } from '#services/images/image_pipeline'
import { studioWatermark } from '#services/images/studio_watermark'
import type { JobHandler } from '#services/jobs/job_handler'

interface Payload {
  mediaAssetId: string
  /** Also make the watermarked preview (gallery photos: it is ready when watermarks are switched on). */
  watermark?: boolean
}

export default class ProcessMediaAsset implements JobHandler<Payload> {
  async handle({ mediaAssetId, watermark }: Payload) {
    const asset = await MediaAsset.findOrFail(mediaAssetId)
    if (asset.status !== 'processing') await asset.reprocess()
    const settings = watermark ? await StudioSetting.current() : null
    const mark = settings ? await studioWatermark(settings) : null
    const result = await new ImagePipeline().process(asset, { watermark: mark })
    await asset.markReady({ ...result, watermarkVersion: settings ? settings.watermarkVersion : null })
    await Gallery.photosChanged(await galleriesShowing(mediaAssetId))
  }

  async failed({ mediaAssetId }: Payload, error: unknown) {
    const asset = await MediaAsset.find(mediaAssetId)
    if (asset && asset.status === 'processing') {
      await asset.markFailed(error instanceof Error ? error.message : String(error))
      await Gallery.photosChanged(await galleriesShowing(mediaAssetId))
    }
  }
}

/** The galleries with a photo of this image (their grids show it once it is ready). */
async function galleriesShowing(mediaAssetId: string): Promise<string[]> {
  const rows = await db.from('photos').where('media_asset_id', mediaAssetId).distinct('gallery_id')
  return rows.map((row) => row.gallery_id)
}
