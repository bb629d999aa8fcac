import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import Gallery from '#models/gallery'
import StudioSetting from '#models/studio_setting'
import User from '#models/user'
import type EmailLog from '#models/email_log'
import RecordAudit from '#actions/audit/record_audit'
import GalleryPublishedNotification from '#mails/gallery_published_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { familyIdOf } from '#services/galleries/gallery_viewer'
import { publicGalleryUrl } from '#services/galleries/gallery_links'
import { formatExpiryDate } from '#services/galleries/expiry_schedule'

export type PublishGalleryResult =
  | { ok: true; gallery: Gallery; email: EmailLog | null }
  | { ok: false; reason: 'already_published' | 'archived' }

/**
 * Opens a draft (or expired) gallery to the family. With no expiry date, or one already
 * past, the gallery stays open for the studio's default number of days. The row is
 * locked while it changes, so a double click publishes, and emails the family, once.
 */
export default class PublishGallery {
  static async handle(ctx: HttpContext | null, gallery: Gallery, options: { notify?: boolean } = {}): Promise<PublishGalleryResult> {
    const settings = await StudioSetting.current()
    const now = DateTime.now()
    const published = await db.transaction(async (trx) => {
      const locked = await Gallery.query({ client: trx }).where('id', gallery.id).forUpdate().firstOrFail()
      if (locked.status === 'published') return 'already_published' as const
      if (locked.status === 'archived') return 'archived' as const
      const expiresAt = !locked.expiresAt || locked.expiresAt <= now ? defaultExpiry(settings, now) : undefined
      await locked.publish({ expiresAt, now })
      return locked
    })
    if (typeof published === 'string') return { ok: false, reason: published }
    await gallery.refresh()

    await RecordAudit.handle(ctx, {
      action: 'gallery.published',
      subject: { type: 'gallery', id: gallery.id },
      details: { name: gallery.name, expiresAt: gallery.expiresAt?.toISO() ?? null, notify: !!options.notify },
    })
    const email = options.notify ? await emailFamily(gallery, settings) : null
    return { ok: true, gallery, email }
  }
}

function defaultExpiry(settings: StudioSetting, now: DateTime) {
  return now.setZone(settings.timezone).plus({ days: settings.galleryDefaultDays }).endOf('day').startOf('second')
}

async function emailFamily(gallery: Gallery, settings: StudioSetting) {
  const familyId = await familyIdOf(gallery)
  const family = familyId ? await User.find(familyId) : null
  if (!family?.email || !family.isActive) return null
  return deliverMail(
    new GalleryPublishedNotification(family, gallery, {
      url: publicGalleryUrl(gallery),
      expiresOn: gallery.expiresAt ? formatExpiryDate(gallery.expiresAt, settings.timezone) : null,
      studioName: settings.name,
      studioEmail: settings.email,
    })
  )
}
