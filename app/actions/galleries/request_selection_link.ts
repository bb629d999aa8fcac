import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import type Gallery from '#models/gallery'
import type GalleryVisitor from '#models/gallery_visitor'
import GalleryEmailProof from '#models/gallery_email_proof'
import StudioSetting from '#models/studio_setting'
import SelectionLinkNotification from '#mails/selection_link_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { countSelection } from '#actions/galleries/selection_summary'
import { keyedHash } from '#support/keyed_hash'
import { sqlTime } from '#support/db/sql_time'
import type { Actor } from '#support/actor'

export const SELECTION_LINK_MINUTES = 30
/** Links emailed per gallery and hour: enough for a lost email, too few to spam the family. */
const LINKS_PER_HOUR = 3

export type RequestSelectionLinkResult =
  | { ok: true; email: string }
  | { ok: false; reason: 'already_submitted' | 'empty' | 'too_many' | 'no_family' }

/**
 * A visitor who gave the family's email asks to submit the selection: it is the family's
 * to confirm, so a one-time link (hashed, single use, 30 minutes) goes to the family's
 * address. Whoever typed the email without holding the inbox submits nothing.
 */
export default class RequestSelectionLink {
  static async handle(_actor: Actor, gallery: Gallery, visitor: GalleryVisitor, now = DateTime.now()): Promise<RequestSelectionLinkResult> {
    if (gallery.selectionSubmittedAt) return { ok: false, reason: 'already_submitted' }
    const count = await countSelection(gallery.id, visitor.id)
    if (count === 0) return { ok: false, reason: 'empty' }
    const familyEmail = await gallery.familyEmail()
    if (!familyEmail) return { ok: false, reason: 'no_family' }
    const recent = await GalleryEmailProof.query()
      .where('galleryId', gallery.id)
      .where('purpose', 'selection')
      .where('createdAt', '>', sqlTime(now.minus({ hours: 1 })))
      .count('* as total')
      .first()
    if (Number(recent?.$extras.total ?? 0) >= LINKS_PER_HOUR) return { ok: false, reason: 'too_many' }

    const token = randomBytes(32).toString('base64url')
    await GalleryEmailProof.create({
      galleryId: gallery.id,
      galleryVisitorId: visitor.id,
      email: familyEmail,
      purpose: 'selection',
      secretHash: keyedHash(token),
      attempts: 0,
      expiresAt: now.plus({ minutes: SELECTION_LINK_MINUTES }),
    })
    const url = appUrl + router.makeUrl('gallery_selection_confirmations.show', { slug: gallery.slug, token })
    const { name: studioName } = await StudioSetting.current()
    await deliverMail(new SelectionLinkNotification(familyEmail, gallery, { url, count, minutes: SELECTION_LINK_MINUTES, studioName }))
    return { ok: true, email: familyEmail }
  }
}
