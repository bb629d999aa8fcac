import type { HttpContext } from '@adonisjs/core/http'
import RedeemGalleryEntryCode from '#actions/galleries/redeem_gallery_entry_code'
import { awaitEntryCode, galleryOf, keepVisitorIn, notFound, pendingEntryEmail } from '#controllers/site/gallery_access'
import { renderThrottled } from '#controllers/site/gallery_entry_answers'
import { flashFieldError } from '#controllers/site/flash_field_error'
import { entryCodeValidator } from '#validators/gallery_access'

const ERRORS = {
  no_code: 'This code has expired or was used. Enter your email again for a new one.',
  wrong_code: 'That is not the code we emailed. Check it and try again.',
} as const

/** The 6-digit code a guarded gallery emailed: right, this browser is in. */
export default class GalleryEntryCodesController {
  async store(ctx: HttpContext) {
    const gallery = await galleryOf(ctx)
    const email = pendingEntryEmail(ctx, gallery) ?? notFound(ctx)
    const { entryCode } = await ctx.request.validateUsing(entryCodeValidator)
    const result = await RedeemGalleryEntryCode.handle(ctx.actor, gallery, { email, code: entryCode })
    if (result.ok) {
      keepVisitorIn(ctx, gallery, result.token)
      awaitEntryCode(ctx, gallery, null)
    } else if (result.reason === 'throttled') {
      return renderThrottled(ctx, gallery, result.retryAfterSeconds)
    } else {
      if (result.reason === 'no_code') awaitEntryCode(ctx, gallery, null)
      flashFieldError(ctx, 'entryCode', ERRORS[result.reason])
    }
    return ctx.response.redirect().status(303).toRoute('galleries.show', { slug: gallery.slug })
  }
}
