import { safeEqual } from '@adonisjs/core/helpers'
import type Gallery from '#models/gallery'
import GalleryEmailProof from '#models/gallery_email_proof'
import GalleryVisitor from '#models/gallery_visitor'
import { entryCodeHash } from '#actions/galleries/send_gallery_entry_code'
import { galleryAccessBlockedFor, recordFailedGalleryAccess } from '#actions/galleries/gallery_access_limits'
import type { Actor } from '#support/actor'

export type RedeemGalleryEntryCodeResult =
  | { ok: true; visitor: GalleryVisitor; token: string }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }
  | { ok: false; reason: 'no_code' | 'wrong_code' }

/**
 * The emailed entry code of a guarded gallery: right, it is spent (once, even when two
 * tabs race) and this browser gets its pass; wrong, it counts against the code (5 tries)
 * and the IP like any wrong answer.
 */
export default class RedeemGalleryEntryCode {
  static async handle(actor: Actor, gallery: Gallery, input: { email: string; code: string }): Promise<RedeemGalleryEntryCodeResult> {
    const ip = actor.ip ?? 'unknown'
    const wait = await galleryAccessBlockedFor(ip, gallery.id)
    if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait }

    const email = input.email.trim().toLowerCase()
    const proofs = await GalleryEmailProof.query()
      .withScopes((scopes) => scopes.usable())
      .where('galleryId', gallery.id)
      .where('email', email)
      .where('purpose', 'entry')
      .orderBy('createdAt', 'desc')
    if (!proofs.length) return { ok: false, reason: 'no_code' }
    const proof = proofs.find((candidate) => safeEqual(entryCodeHash(candidate.id, input.code), candidate.secretHash))
    if (!proof) {
      await proofs[0].recordFailedAttempt()
      await recordFailedGalleryAccess(ip, gallery.id)
      return { ok: false, reason: 'wrong_code' }
    }
    if (!(await proof.consume())) return { ok: false, reason: 'no_code' }

    const visitor = await GalleryVisitor.forEmail(gallery, email)
    return { ok: true, visitor, token: await visitor.issuePass(gallery) }
  }
}
