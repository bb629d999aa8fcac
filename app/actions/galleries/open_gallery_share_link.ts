import type Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import { galleryAccessBlockedFor, galleryGuarded, recordFailedGalleryAccess } from '#actions/galleries/gallery_access_limits'
import type { Actor } from '#support/actor'

export type OpenGalleryShareLinkResult =
  /** `passToken`: this browser's new email-less pass, or null when the email step still asks (password, guarded gallery, already inside). */
  | { ok: true; passToken: string | null }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }
  | { ok: false; reason: 'wrong_token' }

/**
 * The public share link (`/g/<slug>/share/<secret>`): with public share on, its secret
 * stands in for the access code. A wrong secret is a guess, counted like a wrong code.
 * A right one lets a new browser in straight away as an email-less visitor (asked for an
 * email when they first favourite), unless a password or the gallery's guard still asks.
 */
export default class OpenGalleryShareLink {
  static async handle(actor: Actor, gallery: Gallery, token: string, options: { alreadyIn: boolean }): Promise<OpenGalleryShareLinkResult> {
    const ip = actor.ip ?? 'unknown'
    const wait = await galleryAccessBlockedFor(ip, gallery.id)
    if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait }
    if (gallery.opensWithShareToken(token)) {
      if (options.alreadyIn || gallery.passwordHash || (await galleryGuarded(gallery.id))) return { ok: true, passToken: null }
      const visitor = await GalleryVisitor.anonymous(gallery)
      return { ok: true, passToken: await visitor.issuePass(gallery) }
    }
    await recordFailedGalleryAccess(ip, gallery.id)
    return { ok: false, reason: 'wrong_token' }
  }
}
