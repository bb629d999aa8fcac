import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import router from '@adonisjs/core/services/router'
import env from '#start/env'
import { appUrl } from '#config/app'
import type Gallery from '#models/gallery'
import type GalleryVisitor from '#models/gallery_visitor'
import StudioSetting from '#models/studio_setting'
import SelectionSubmittedNotification from '#mails/selection_submitted_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { sqlTime } from '#support/db/sql_time'
import { selectedPhotosOf, summarizeSelection, type SelectionSummary } from '#actions/galleries/selection_summary'

export type SubmitSelectionResult =
  | { ok: true; summary: SelectionSummary }
  | { ok: false; reason: 'empty' | 'already_submitted' }

/**
 * The family sends its favourites as the selection: the gallery records when and whose
 * (which freezes that visitor's favourites) and the studio gets one email. The
 * conditional UPDATE makes it happen once, however many times it is submitted.
 */
export default class SubmitSelection {
  static async handle(gallery: Gallery, visitor: GalleryVisitor, now: DateTime = DateTime.now()): Promise<SubmitSelectionResult> {
    if (gallery.selectionSubmittedAt) return { ok: false, reason: 'already_submitted' }
    const photos: { original_filename: string | null; id: string }[] = await selectedPhotosOf(gallery.id, visitor.id)
      .select('photos.id', 'media_assets.original_filename')
      .orderBy('photos.sort_order')
      .orderBy('photos.created_at')
    if (photos.length === 0) return { ok: false, reason: 'empty' }

    const claimed = await db
      .from('galleries')
      .where('id', gallery.id)
      .whereNull('selection_submitted_at')
      .update({ selection_submitted_at: sqlTime(now), selection_visitor_id: visitor.id, updated_at: sqlTime(now) })
    if (Number(claimed) !== 1) return { ok: false, reason: 'already_submitted' }
    gallery.selectionSubmittedAt = now
    gallery.selectionVisitorId = visitor.id

    const summary = summarizeSelection(photos.length, gallery.selectionTerms())
    await this.notifyStudio(gallery, visitor, summary, photos)
    return { ok: true, summary }
  }

  private static async notifyStudio(gallery: Gallery, visitor: GalleryVisitor, summary: SelectionSummary, photos: { original_filename: string | null; id: string }[]) {
    const settings = await StudioSetting.current()
    const to = settings.email ?? env.get('MAIL_FROM_ADDRESS', 'studio@loupe.test')
    const files = photos.map((photo, index) => ({ filename: photo.original_filename ?? `Photo ${index + 1} (${photo.id})` }))
    await deliverMail(new SelectionSubmittedNotification(to, gallery, visitor.email ?? 'a visitor', summary, files, studioUrlOf(gallery)))
  }
}

/** The studio's page of the gallery, linked from the email. */
function studioUrlOf(gallery: Gallery) {
  return appUrl + router.makeUrl('admin.galleries.show', { id: gallery.id })
}
