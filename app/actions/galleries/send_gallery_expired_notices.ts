import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Gallery from '#models/gallery'
import StudioSetting from '#models/studio_setting'
import GalleryExpiredNotification from '#mails/gallery_expired_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { sqlTime } from '#support/db/sql_time'
import { affectedRows } from '#support/db/affected_rows'
import { expiryRecipientsOf } from '#actions/galleries/expiry_recipients'
import { publicGalleryUrl } from '#services/galleries/gallery_links'

/**
 * A gallery that expired longer ago than this without a notice (say an old one from
 * before notices existed) is left alone: "your gallery has expired" months late is noise.
 */
const NOTICE_WINDOW_DAYS = 7

export interface ExpiredNotice {
  gallery: Gallery
  recipients: string[]
}

export interface ExpiredNoticesResult {
  /** Galleries notified by this run (or that would be, in a dry run). */
  notices: ExpiredNotice[]
  emails: number
}

/**
 * The "your gallery has expired" email, once per gallery, to the family and the visitors
 * who favourited or downloaded. Each gallery is claimed by setting expired_notice_sent_at
 * only where it is still empty, so concurrent runs never send it twice. `pending` adds
 * galleries this run has just expired (or would, in a dry run, where nothing is written).
 */
export default class SendGalleryExpiredNotices {
  static async handle(options: { now?: DateTime; dryRun?: boolean; pending?: Gallery[] } = {}): Promise<ExpiredNoticesResult> {
    const now = options.now ?? DateTime.now()
    const settings = await StudioSetting.current()
    const notices: ExpiredNotice[] = []

    for (const gallery of await candidates(now, options.pending ?? [])) {
      if (!options.dryRun && !(await claim(gallery, now))) continue
      const recipients = await expiryRecipientsOf(gallery)
      if (!options.dryRun) {
        const details = { url: publicGalleryUrl(gallery), studioName: settings.name, studioEmail: settings.email }
        for (const recipient of recipients) await deliverMail(new GalleryExpiredNotification(recipient, gallery, details))
      }
      notices.push({ gallery, recipients: recipients.map((recipient) => recipient.email) })
    }
    return { notices, emails: notices.reduce((sum, notice) => sum + notice.recipients.length, 0) }
  }
}

async function candidates(now: DateTime, pending: Gallery[]) {
  const unnoticed = await Gallery.query()
    .where('status', 'expired')
    .whereNull('expiredNoticeSentAt')
    .where('expiresAt', '>', sqlTime(now.minus({ days: NOTICE_WINDOW_DAYS })))
    .orderBy('expiresAt')
  const byId = new Map([...pending, ...unnoticed].map((gallery) => [gallery.id, gallery]))
  return [...byId.values()]
}

async function claim(gallery: Gallery, now: DateTime) {
  const claimed = await db
    .from('galleries')
    .where('id', gallery.id)
    .where('status', 'expired')
    .whereNull('expired_notice_sent_at')
    .update({ expired_notice_sent_at: sqlTime(now), updated_at: sqlTime(now) })
  if (affectedRows(claimed) !== 1) return false
  gallery.expiredNoticeSentAt = now
  return true
}
