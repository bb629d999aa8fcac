import { safeEqual } from '@adonisjs/core/helpers'
import hash from '@adonisjs/core/services/hash'
import Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import { galleryAccessBlockedFor, galleryGuarded, recordFailedGalleryAccess } from '#actions/galleries/gallery_access_limits'
import SendGalleryEntryCode from '#actions/galleries/send_gallery_entry_code'
import type { Actor } from '#support/actor'

export interface AdmitGalleryVisitorInput {
  email: string
  /** Already normalised by the validator (upper case, no spaces or dashes). */
  code?: string
  password?: string
  /** This browser gave the code (or opened the share link) before, under the current access version. */
  codeKnown: boolean
}

export type AdmitGalleryVisitorResult =
  | { ok: true; visitor: GalleryVisitor; token: string }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }
  | { ok: false; reason: 'code_missing' | 'wrong_code' }
  | { ok: false; reason: 'password_missing' | 'wrong_password'; codeAccepted: boolean }
  /** Guarded gallery: a code went to this (known) email; `unknown_email` can't get in for now. */
  | { ok: false; reason: 'entry_code_sent' | 'unknown_email'; codeAccepted: boolean }

/**
 * A gallery's own entry form: checks the code (unless this browser gave it already) and
 * the password, under the access limits. A wrong answer counts against the IP and the
 * gallery and bumps `failed_access_attempts`; nothing else is written. A right one finds
 * (or creates) the visitor of that email and issues a pass for this browser alone: the
 * token is for the controller's cookie. While the gallery is guarded (see
 * gallery_access_limits), right answers are not enough: a code goes to the email, if the
 * gallery knows it, and RedeemGalleryEntryCode lets the browser in.
 */
export default class AdmitGalleryVisitor {
  static async handle(actor: Actor, gallery: Gallery, input: AdmitGalleryVisitorInput): Promise<AdmitGalleryVisitorResult> {
    const ip = actor.ip ?? 'unknown'
    const wait = await galleryAccessBlockedFor(ip, gallery.id)
    if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait }

    const codeAccepted = !input.codeKnown
    if (!input.codeKnown) {
      if (!input.code) return { ok: false, reason: 'code_missing' }
      if (!safeEqual(input.code, gallery.accessCode)) return this.fail(ip, gallery, { ok: false, reason: 'wrong_code' })
    }
    if (gallery.passwordHash) {
      if (!input.password) return { ok: false, reason: 'password_missing', codeAccepted }
      const right = await hash.verify(gallery.passwordHash, input.password).catch(() => false)
      if (!right) return this.fail(ip, gallery, { ok: false, reason: 'wrong_password', codeAccepted })
    }

    if (await galleryGuarded(gallery.id)) {
      const sent = await SendGalleryEntryCode.handle(gallery, input.email)
      const reason = sent.ok || sent.reason === 'too_many' ? 'entry_code_sent' : 'unknown_email'
      return { ok: false, reason, codeAccepted }
    }
    const visitor = await GalleryVisitor.forEmail(gallery, input.email)
    return { ok: true, visitor, token: await visitor.issuePass(gallery) }
  }

  private static async fail<R extends AdmitGalleryVisitorResult & { ok: false }>(ip: string, gallery: Gallery, refusal: R) {
    await recordFailedGalleryAccess(ip, gallery.id)
    await Gallery.query().where('id', gallery.id).increment('failed_access_attempts', 1)
    return refusal
  }
}
