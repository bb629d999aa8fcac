import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Gallery from '#models/gallery'
import SendGalleryExpiredNotices, { type ExpiredNoticesResult } from '#actions/galleries/send_gallery_expired_notices'
import { sqlTime } from '#services/db/sql_time'
import { affectedRows } from '#services/db/affected_rows'

export interface ExpireGalleriesResult {
  /** Galleries this run moved to expired (or would, in a dry run). */
  expired: Gallery[]
  notices: ExpiredNoticesResult
}

/**
 * `galleries:expire`: published galleries past their date become `expired` (never
 * deleted: the studio extends them to reopen), then the "expired" notice goes out once.
 * Each gallery is claimed with a conditional update, so two runs at once (the
 * scheduler and an operator) never expire or notify twice. A dry run writes nothing.
 */
export default class ExpireGalleries {
  static async handle(options: { now?: DateTime; dryRun?: boolean } = {}): Promise<ExpireGalleriesResult> {
    const now = options.now ?? DateTime.now()
    const due = await Gallery.query()
      .where('status', 'published')
      .whereNotNull('expiresAt')
      .where('expiresAt', '<=', sqlTime(now))
      .orderBy('expiresAt')

    const expired: Gallery[] = []
    for (const gallery of due) {
      if (options.dryRun || (await markExpired(gallery, now))) expired.push(gallery)
    }
    const notices = await SendGalleryExpiredNotices.handle({ now, dryRun: options.dryRun, pending: expired })
    return { expired, notices }
  }
}

async function markExpired(gallery: Gallery, now: DateTime) {
  const changed = await db
    .from('galleries')
    .where('id', gallery.id)
    .where('status', 'published')
    .where('expires_at', '<=', sqlTime(now))
    .update({ status: 'expired', updated_at: sqlTime(now) })
  if (affectedRows(changed) !== 1) return false
  gallery.status = 'expired'
  return true
}
