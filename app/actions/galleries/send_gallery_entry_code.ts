import { randomInt, randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import type Gallery from '#models/gallery'
import GalleryEmailProof from '#models/gallery_email_proof'
import GalleryVisitor from '#models/gallery_visitor'
import GalleryEntryCodeNotification from '#mails/gallery_entry_code_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { keyedHash } from '#support/keyed_hash'
import { sqlTime } from '#support/db/sql_time'

export const ENTRY_CODE_MINUTES = 15
/** Codes emailed to one address per gallery in ENTRY_CODE_MINUTES. */
const CODES_PER_WINDOW = 3

export type SendGalleryEntryCodeResult = { ok: true } | { ok: false; reason: 'unknown_email' | 'too_many' }

/** The hash a code is kept as: bound to its proof, keyed with APP_KEY (6 digits are few). */
export const entryCodeHash = (proofId: string, code: string) => keyedHash(`gallery-entry:${proofId}:${code}`)

/**
 * While a gallery is guarded: a 6-digit code to an address the gallery knows (its family,
 * or someone who entered before the attack), so the family and known visitors still get
 * in while guessers, who don't hold those inboxes, don't.
 */
export default class SendGalleryEntryCode {
  static async handle(gallery: Gallery, email: string, now = DateTime.now()): Promise<SendGalleryEntryCodeResult> {
    const address = email.trim().toLowerCase()
    const known =
      (await gallery.familyEmail())?.toLowerCase() === address ||
      !!(await GalleryVisitor.query().where('galleryId', gallery.id).where('email', address).first())
    if (!known) return { ok: false, reason: 'unknown_email' }
    const recent = await GalleryEmailProof.query()
      .where('galleryId', gallery.id)
      .where('email', address)
      .where('purpose', 'entry')
      .where('createdAt', '>', sqlTime(now.minus({ minutes: ENTRY_CODE_MINUTES })))
      .count('* as total')
      .first()
    if (Number(recent?.$extras.total ?? 0) >= CODES_PER_WINDOW) return { ok: false, reason: 'too_many' }

    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const id = randomUUID()
    await GalleryEmailProof.create({
      id,
      galleryId: gallery.id,
      email: address,
      purpose: 'entry',
      attempts: 0,
      secretHash: entryCodeHash(id, code),
      expiresAt: now.plus({ minutes: ENTRY_CODE_MINUTES }),
    })
    await deliverMail(new GalleryEntryCodeNotification(address, gallery, code, ENTRY_CODE_MINUTES))
    return { ok: true }
  }
}
