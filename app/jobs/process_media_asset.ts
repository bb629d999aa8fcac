import MediaAsset from '#models/media_asset'
import StudioSetting from '#models/studio_setting'
import { ImagePipeline } from '#services/images/image_pipeline'
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
    const watermarkText = watermark ? ((await StudioSetting.current()).watermarkText ?? (await StudioSetting.current()).name) : null
    const result = await new ImagePipeline().process(asset, { watermarkText })
    await asset.markReady(result)
  }

  async failed({ mediaAssetId }: Payload, error: unknown) {
    const asset = await MediaAsset.find(mediaAssetId)
    if (asset && asset.status === 'processing') {
      await asset.markFailed(error instanceof Error ? error.message : String(error))
    }
  }
}
