import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Gallery from '#models/gallery'
import type { GalleryViewer } from '#services/galleries/gallery_viewer'
import { sqlTime } from '#services/db/sql_time'

/**
 * Counts a page view for the gallery and for the visitor (one UPDATE each, no read,
 * safe under concurrency). Studio previews are not counted.
 */
export default class RecordGalleryView {
  static async handle(gallery: Gallery, viewer: GalleryViewer, now: DateTime = DateTime.now()) {
    if (!viewer.visitor) return
    await db.from('galleries').where('id', gallery.id).increment('view_count', 1)
    await db
      .from('gallery_visitors')
      .where('id', viewer.visitor.id)
      .update({ view_count: db.knexRawQuery('view_count + 1'), last_seen_at: sqlTime(now) })
  }
}
