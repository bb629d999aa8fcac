import { DateTime } from 'luxon'
import Gallery from '#models/gallery'
import SendGalleryExpiredNotices, { type ExpiredNoticesResult } from '#actions/galleries/send_gallery_expired_notices'
import { sqlTime } from '#support/db/sql_time'
import { actors } from '#support/actor'

export interface ExpireGalleriesResult {
  /** Galleries this run moved to expired (or would, in a dry run). */
  expired: Gallery[]
  notices: ExpiredNoticesResult
}

/**
 * `galleries:expire`: published galleries past their date become `expired` (never
 * deleted: the studio extends them to reopen), then the "expired" notice goes out once.
 * Each gallery moves through its compare-and-set transition, so two runs at once (the
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

const command = actors.system('galleries:expire')

function markExpired(gallery: Gallery, now: DateTime) {
  return gallery.expire({ now, dueOnly: true, actor: command })
}
