import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { DownloadVariant } from '#models/download'
import type { Downloader } from '#actions/galleries/gallery_viewer'
import { hashIp } from '#support/ip_hash'
import { sqlTime } from '#support/db/sql_time'

export interface RecordDownloadsInput {
  galleryId: string
  photoIds: string[]
  variant: DownloadVariant
  downloader: Downloader
  ip: string | null
}

/**
 * One `downloads` row per photo delivered (a ZIP of 40 photos is 40 downloads), and
 * the gallery's download_count moved by the same number (not for the studio's own
 * downloads), in one transaction. One
 * multi-row insert per 500 photos, so a big ZIP costs a few statements, not hundreds.
 */
export default class RecordDownloads {
  static async handle(input: RecordDownloadsInput) {
    if (!input.photoIds.length) return 0
    const now = sqlTime()
    const ipHash = hashIp(input.ip)
    const rows = input.photoIds.map((photoId) => ({
      id: randomUUID(),
      photo_id: photoId,
      user_id: input.downloader.userId,
      gallery_visitor_id: input.downloader.galleryVisitorId,
      variant: input.variant,
      ip_hash: ipHash,
      created_at: now,
      updated_at: now,
    }))
    await db.transaction(async (trx) => {
      // Chunks keep each statement under SQLite's bound-parameter limit.
      for (let start = 0; start < rows.length; start += 500) {
        await trx.insertQuery().table('downloads').multiInsert(rows.slice(start, start + 500))
      }
      // The studio checking its own files is recorded, but is not a delivery to the family.
      if (input.downloader.as !== 'studio') {
        await trx.from('galleries').where('id', input.galleryId).increment('download_count', rows.length)
      }
    })
    return rows.length
  }
}
