import type Gallery from '#models/gallery'
import { galleryAccessBlockedFor, recordFailedGalleryAccess } from '#actions/galleries/gallery_access_limits'
import type { Actor } from '#support/actor'

export type OpenGalleryShareLinkResult =
  | { ok: true }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }
  | { ok: false; reason: 'wrong_token' }

/**
 * The public share link (`/g/<slug>/share/<secret>`): with public share on, its secret
 * stands in for the access code. A wrong secret is a guess, counted like a wrong code.
 */
export default class OpenGalleryShareLink {
  static async handle(actor: Actor, gallery: Gallery, token: string): Promise<OpenGalleryShareLinkResult> {
    const ip = actor.ip ?? 'unknown'
    const wait = await galleryAccessBlockedFor(ip, gallery.id)
    if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait }
    if (gallery.opensWithShareToken(token)) return { ok: true }
    await recordFailedGalleryAccess(ip, gallery.id)
    return { ok: false, reason: 'wrong_token' }
  }
}
