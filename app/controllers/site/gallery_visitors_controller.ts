import type { HttpContext } from '@adonisjs/core/http'
import AdmitGalleryVisitor from '#actions/galleries/admit_gallery_visitor'
import { accessTo, galleryOf, codeRequired, notFound } from '#services/galleries/gallery_access'
import { galleryAccessValidator } from '#validators/gallery_access'
import { describeWait } from '#services/http/describe_wait'
import { flashFieldError } from '#controllers/site/flash_field_error'

const ERRORS = {
  code_missing: ['code', 'Enter the access code from your card or email'],
  wrong_code: ['code', 'That code does not open this gallery. Check it and try again.'],
  password_missing: ['password', 'Enter the gallery password'],
  wrong_password: ['password', 'That password is not right. Check it and try again.'],
} as const

/** A gallery's entry form: the code (unless given at /g), an email, the password if set. */
export default class GalleryVisitorsController {
  async store(ctx: HttpContext) {
    const { request, response, view } = ctx
    const gallery = await galleryOf(ctx)
    const access = await accessTo(ctx, gallery)
    if (access.kind === 'unavailable') return notFound(ctx)
    if (access.kind !== 'locked') return response.redirect().status(303).toRoute('galleries.show', { slug: gallery.slug })

    const input = await request.validateUsing(galleryAccessValidator)
    const result = await AdmitGalleryVisitor.handle(ctx, gallery, input)
    if (result.ok) return response.redirect().status(303).toRoute('galleries.show', { slug: gallery.slug })
    if (result.reason === 'throttled') {
      response.header('Retry-After', String(result.retryAfterSeconds)).status(429)
      return view.render('pages/site/galleries/locked', {
        gallery,
        codeKnown: !codeRequired(ctx, gallery),
        blocked: `Too many wrong attempts. Try again in ${describeWait(result.retryAfterSeconds)}.`,
      })
    }
    const [field, message] = ERRORS[result.reason]
    flashFieldError(ctx, field, message)
    return response.redirect().status(303).toRoute('galleries.show', { slug: gallery.slug })
  }
}
