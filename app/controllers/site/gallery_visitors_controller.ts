import type { HttpContext } from '@adonisjs/core/http'
import AdmitGalleryVisitor from '#actions/galleries/admit_gallery_visitor'
import NameGalleryVisitor from '#actions/galleries/name_gallery_visitor'
import { awaitEntryCode, galleryOf, hasEnteredCode, keepVisitorIn, rememberCode, viewerOf } from '#controllers/site/gallery_access'
import { renderThrottled } from '#controllers/site/gallery_entry_answers'
import { galleryAccessValidator } from '#validators/gallery_access'
import { flashFieldError } from '#controllers/site/flash_field_error'

const ERRORS = {
  code_missing: ['code', 'Enter the access code from your card or email'],
  wrong_code: ['code', 'That code does not open this gallery. Check it and try again.'],
  password_missing: ['password', 'Enter the gallery password'],
  wrong_password: ['password', 'That password is not right. Check it and try again.'],
  unknown_email: ['email', 'After many wrong attempts by others, only the family and people who visited before can enter for now: use that email, or try again in an hour.'],
} as const

/** A gallery's entry form: the code (unless given at /g or by the share link), an email, the password if set. */
export default class GalleryVisitorsController {
  async store(ctx: HttpContext) {
    const gallery = await galleryOf(ctx)
    const back = () => ctx.response.redirect().status(303).toRoute('galleries.show', { slug: gallery.slug })
    const viewer = await viewerOf(ctx, gallery)
    if (viewer?.kind === 'visitor' && !viewer.visitor.email) {
      // A share-link visitor's email step: this browser's visitor takes the email (no second row).
      const { email } = await ctx.request.validateUsing(galleryAccessValidator)
      await NameGalleryVisitor.handle(gallery, viewer.visitor, email)
      return back()
    }
    if (gallery.isExpired() || viewer) return back()

    const input = await ctx.request.validateUsing(galleryAccessValidator)
    const result = await AdmitGalleryVisitor.handle(ctx.actor, gallery, { ...input, codeKnown: hasEnteredCode(ctx, gallery) })
    if (result.ok || ('codeAccepted' in result && result.codeAccepted)) rememberCode(ctx, gallery)
    if (result.ok) keepVisitorIn(ctx, gallery, result.token)
    else if (result.reason === 'throttled') return renderThrottled(ctx, gallery, result.retryAfterSeconds)
    else if (result.reason === 'entry_code_sent') awaitEntryCode(ctx, gallery, input.email)
    else flashFieldError(ctx, ...(ERRORS[result.reason] as [string, string]))
    return back()
  }
}
