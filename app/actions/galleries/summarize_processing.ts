import db from '@adonisjs/lucid/services/db'
import type Gallery from '#models/gallery'
import Job from '#models/job'
import Photo from '#models/photo'

export interface ProcessingSummary {
  total: number
  ready: number
  processing: number
  failed: number
  /** Failed photos with the pipeline's error, for the "Reprocess" list. */
  failedPhotos: Photo[]
  /** Admins only: the jobs behind failed or retrying photos. */
  jobs: Job[]
}

const FAILED_LIST_LIMIT = 50

/** "312 of 500 ready": where the image pipeline is with a gallery's photos. */
export default class SummarizeProcessing {
  static async handle(gallery: Gallery, options: { withJobs?: boolean } = {}): Promise<ProcessingSummary> {
    const rows = await db
      .from('photos')
      .join('media_assets', 'media_assets.id', 'photos.media_asset_id')
      .where('photos.gallery_id', gallery.id)
      .whereNull('photos.deleted_at')
      .groupBy('media_assets.status')
      .select('media_assets.status')
      .count('* as total')
    const by = Object.fromEntries(rows.map((row) => [row.status, Number(row.total)]))
    const summary = { ready: by.ready ?? 0, processing: by.processing ?? 0, failed: by.failed ?? 0 }

    const failedPhotos = summary.failed
      ? await Photo.query()
          .where('galleryId', gallery.id)
          .whereHas('mediaAsset', (asset) => asset.where('status', 'failed'))
          .preload('mediaAsset')
          .withScopes((scopes) => scopes.ordered())
          .limit(FAILED_LIST_LIMIT)
      : []
    const jobs = options.withJobs && (summary.failed || summary.processing) ? await jobsOf(gallery) : []
    return { total: summary.ready + summary.processing + summary.failed, ...summary, failedPhotos, jobs }
  }
}

/**
 * Processing jobs of this gallery's unfinished photos that failed or are waiting to
 * retry. The payload is JSON (not queryable the same way on both databases), so the
 * asset ids are matched here.
 */
async function jobsOf(gallery: Gallery) {
  const assets = await db
    .from('photos')
    .join('media_assets', 'media_assets.id', 'photos.media_asset_id')
    .where('photos.gallery_id', gallery.id)
    .whereNull('photos.deleted_at')
    .whereIn('media_assets.status', ['failed', 'processing'])
    .select('media_assets.id', 'media_assets.status')
  const status = new Map<string, string>(assets.map((row) => [row.id, row.status]))
  const candidates = await Job.query()
    .where('name', 'media.process')
    .where((q) => q.where('status', 'failed').orWhere((r) => r.where('status', 'queued').where('attempts', '>', 0)))
    .orderBy('updated_at', 'desc')
    .limit(500)
  return candidates.filter((job) => {
    const assetStatus = status.get(String(job.payload?.mediaAssetId))
    return job.status === 'failed' ? assetStatus === 'failed' : assetStatus === 'processing'
  })
}
