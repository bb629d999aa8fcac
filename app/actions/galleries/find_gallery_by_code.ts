import Gallery from '#models/gallery'
import { galleryAccessBlockedFor, recordFailedGalleryAccess } from '#actions/galleries/gallery_access_limits'
import type { Actor } from '#support/actor'

export type FindGalleryByCodeResult =
  | { ok: true; gallery: Gallery }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }
  | { ok: false; reason: 'unknown_code' }

/**
 * The short form at /g: which gallery does this code open? Only published and expired
 * galleries answer: a draft's, an archived or a deleted gallery's code is as unknown as a
 * wrong one (its address is never revealed). Unknown codes count against the IP, like
 * wrong codes on a gallery's own form.
 */
export default class FindGalleryByCode {
  static async handle(actor: Actor, code: string): Promise<FindGalleryByCodeResult> {
    const ip = actor.ip ?? 'unknown'
    const wait = await galleryAccessBlockedFor(ip)
    if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait }

    const gallery = await Gallery.query()
      .withScopes((scopes) => scopes.withAccessCode(code))
      .whereIn('status', ['published', 'expired'])
      .first()
    if (!gallery) {
      await recordFailedGalleryAccess(ip)
      return { ok: false, reason: 'unknown_code' }
    }
    return { ok: true, gallery }
  }
}
