import { DateTime } from 'luxon'
import Gallery from '#models/gallery'
import StudioSetting from '#models/studio_setting'
import User from '#models/user'
import type EmailLog from '#models/email_log'
import RecordAudit from '#actions/audit/record_audit'
import GalleryPublishedNotification from '#mails/gallery_published_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { gallerySignInUrl, publicGalleryUrl } from '#services/galleries/gallery_links'
import { issueSignInLink } from '#services/auth/sign_in_links'
import { formatExpiryDate } from '#actions/galleries/expiry_schedule'
import type { Actor } from '#support/actor'

export type PublishGalleryResult =
  | { ok: true; gallery: Gallery; email: EmailLog | null }
  | { ok: false; reason: 'already_published' | 'archived' }

/**
 * Opens a draft (or expired) gallery to the family. With no expiry date, or one already
 * past, the gallery stays open for the studio's default number of days. The change is a
 * compare-and-set, so a double click publishes, and emails the family, once.
 */
export default class PublishGallery {
  static async handle(actor: Actor, gallery: Gallery, options: { notify?: boolean } = {}): Promise<PublishGalleryResult> {
    const settings = await StudioSetting.current()
    const now = DateTime.now()
    const expiresAt = !gallery.expiresAt || gallery.expiresAt <= now ? defaultExpiry(settings, now) : undefined
    if (!(await gallery.publish({ expiresAt, now, actor }))) {
      await gallery.refresh()
      return { ok: false, reason: gallery.status === 'archived' ? 'archived' : 'already_published' }
    }

    await Gallery.photosChanged(gallery.id)
    await RecordAudit.handle(actor, {
      action: 'gallery.published',
      subject: { type: 'gallery', id: gallery.id },
      details: { name: gallery.name, expiresAt: gallery.expiresAt?.toISO() ?? null, notify: !!options.notify },
    })
    const email = options.notify ? await emailFamily(gallery, settings) : null
    return { ok: true, gallery, email }
  }
}

/** How long the publish email's sign-in link works; after that the code in the same email does. */
export const SIGN_IN_LINK_HOURS = 48

function defaultExpiry(settings: StudioSetting, now: DateTime) {
  return now.setZone(settings.timezone).plus({ days: settings.galleryDefaultDays }).endOf('day').startOf('second')
}

async function emailFamily(gallery: Gallery, settings: StudioSetting) {
  const familyId = await gallery.familyId()
  const family = familyId ? await User.find(familyId) : null
  if (!family?.email || !family.isActive) return null
  // One click from the email to the gallery, signed in: single use, hashed, 48 hours.
  const token = await issueSignInLink(family as User & { email: string }, { minutes: SIGN_IN_LINK_HOURS * 60 })
  return deliverMail(
    new GalleryPublishedNotification(family, gallery, {
      url: publicGalleryUrl(gallery),
      signInUrl: gallerySignInUrl(gallery, token),
      signInToken: token,
      signInHours: SIGN_IN_LINK_HOURS,
      expiresOn: gallery.expiresAt ? formatExpiryDate(gallery.expiresAt, settings.timezone) : null,
      studioName: settings.name,
      studioEmail: settings.email,
    })
  )
}
