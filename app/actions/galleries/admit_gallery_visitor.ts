import type { HttpContext } from '@adonisjs/core/http'
import { safeEqual } from '@adonisjs/core/helpers'
import hash from '@adonisjs/core/services/hash'
import Gallery from '#models/gallery'
import type GalleryVisitor from '#models/gallery_visitor'
import { admitVisitor } from '#services/galleries/gallery_viewer'
import { codeRequired, rememberCode } from '#services/galleries/gallery_access'
import { galleryAccessBlockedFor, recordFailedGalleryAccess } from '#services/galleries/access_throttle'

export interface GalleryAccessInput {
  /** Already normalised by the validator (upper case, no spaces or dashes). */
  code?: string
  email: string
  password?: string
}

export type AdmitGalleryVisitorResult =
  | { ok: true; visitor: GalleryVisitor }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }
  | { ok: false; reason: 'code_missing' | 'wrong_code' | 'password_missing' | 'wrong_password' }

/**
 * The gallery's own entry form: checks the code (unless it was given at /g, or the public share link is on) and
 * the password, under the access throttle. A wrong answer counts against the IP and the
 * gallery and bumps `failed_access_attempts`; nothing else is written. A right one
 * creates (or finds) the visitor and sets the cookie that keeps them in.
 */
export default class AdmitGalleryVisitor {
  static async handle(ctx: HttpContext, gallery: Gallery, input: GalleryAccessInput): Promise<AdmitGalleryVisitorResult> {
    const ip = ctx.request.ip()
    const wait = await galleryAccessBlockedFor(ip, gallery.id)
    if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait }

    if (codeRequired(ctx, gallery)) {
      if (!input.code) return { ok: false, reason: 'code_missing' }
      if (!safeEqual(input.code, gallery.accessCode)) return this.fail(ip, gallery, 'wrong_code')
      rememberCode(ctx, gallery)
    }
    if (gallery.passwordHash) {
      if (!input.password) return { ok: false, reason: 'password_missing' }
      const right = await hash.verify(gallery.passwordHash, input.password).catch(() => false)
      if (!right) return this.fail(ip, gallery, 'wrong_password')
    }
    return { ok: true, visitor: await admitVisitor(ctx, gallery, input.email) }
  }

  private static async fail<R extends 'wrong_code' | 'wrong_password'>(ip: string, gallery: Gallery, reason: R) {
    await recordFailedGalleryAccess(ip, gallery.id)
    await Gallery.query().where('id', gallery.id).increment('failed_access_attempts', 1)
    return { ok: false as const, reason }
  }
}
