import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Gallery from '#models/gallery'
import StudioSetting from '#models/studio_setting'
import GalleryExpiringNotification from '#mails/gallery_expiring_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { sqlTime } from '#support/db/sql_time'
import { affectedRows } from '#support/db/affected_rows'
import { expiryRecipientsOf } from '#actions/galleries/expiry_recipients'
import { publicGalleryUrl } from '#services/galleries/gallery_links'
import { describeWhen, dueStage, formatExpiryDate, reminderStages } from '#actions/galleries/expiry_schedule'

export interface ExpiryReminder {
  gallery: Gallery
  /** Days before expiry this reminder is for: 7 (or the studio's first stage), 3 or 1. */
  stage: number
  recipients: string[]
}

export interface ExpiryRemindersResult {
  /** The studio's stages, largest first; empty when reminders are turned off. */
  stages: number[]
  reminders: ExpiryReminder[]
  emails: number
}

/**
 * "Your gallery expires in 3 days", to the family and the visitors who favourited or
 * downloaded. Each stage goes out once per gallery: the gallery is claimed by lowering
 * last_expiry_reminder_days only where it is still higher (or empty), so concurrent runs
 * never double-send. Only the closest due stage is sent, so a missed run never sends a
 * burst. A dry run writes nothing and returns what would be sent.
 */
export default class SendGalleryExpiryReminders {
  static async handle(options: { now?: DateTime; dryRun?: boolean } = {}): Promise<ExpiryRemindersResult> {
    const now = options.now ?? DateTime.now()
    const settings = await StudioSetting.current()
    const stages = reminderStages(settings.galleryReminderDays)
    const reminders: ExpiryReminder[] = []
    if (stages.length === 0) return { stages, reminders, emails: 0 }

    const expiring = await Gallery.query()
      .withScopes((scopes) => scopes.expiringWithin(stages[0], now))
      .orderBy('expiresAt')
    for (const gallery of expiring) {
      const stage = dueStage(gallery.expiresAt!, now, stages)
      if (stage === null || alreadyReminded(gallery, stage)) continue
      if (!options.dryRun && !(await claim(gallery, stage, now))) continue

      const recipients = await expiryRecipientsOf(gallery)
      if (!options.dryRun) {
        const details = {
          url: publicGalleryUrl(gallery),
          expiresOn: formatExpiryDate(gallery.expiresAt!, settings.timezone),
          when: describeWhen(gallery.expiresAt!, now, settings.timezone),
          studioName: settings.name,
          studioEmail: settings.email,
        }
        for (const recipient of recipients) await deliverMail(new GalleryExpiringNotification(recipient, gallery, details))
      }
      reminders.push({ gallery, stage, recipients: recipients.map((recipient) => recipient.email) })
    }
    return { stages, reminders, emails: reminders.reduce((sum, reminder) => sum + reminder.recipients.length, 0) }
  }
}

function alreadyReminded(gallery: Gallery, stage: number) {
  return gallery.lastExpiryReminderDays !== null && gallery.lastExpiryReminderDays <= stage
}

async function claim(gallery: Gallery, stage: number, now: DateTime) {
  const claimed = await db
    .from('galleries')
    .where('id', gallery.id)
    .where('status', 'published')
    .where((query) => query.whereNull('last_expiry_reminder_days').orWhere('last_expiry_reminder_days', '>', stage))
    .update({ last_expiry_reminder_days: stage, expiry_reminded_at: sqlTime(now), updated_at: sqlTime(now) })
  if (affectedRows(claimed) !== 1) return false
  gallery.lastExpiryReminderDays = stage
  gallery.expiryRemindedAt = now
  return true
}
