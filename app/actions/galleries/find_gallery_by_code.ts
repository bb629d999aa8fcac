import Gallery from '#models/gallery'
import { galleryAccessBlockedFor, recordFailedGalleryAccess } from '#services/galleries/access_throttle'

export type FindGalleryByCodeResult =
  | { ok: true; gallery: Gallery }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }
  | { ok: false; reason: 'unknown_code' }

/**
 * The short form at /g: which gallery does this code open? Unknown codes count against
 * the IP, like wrong codes on a gallery's own form.
 */
export default class FindGalleryByCode {
  static async handle(code: string, ip: string): Promise<FindGalleryByCodeResult> {
    const wait = await galleryAccessBlockedFor(ip)
    if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait }

    const gallery = await Gallery.query().withScopes((scopes) => scopes.withAccessCode(code)).first()
    if (!gallery) {
      await recordFailedGalleryAccess(ip)
      return { ok: false, reason: 'unknown_code' }
    }
    return { ok: true, gallery }
  }
}
