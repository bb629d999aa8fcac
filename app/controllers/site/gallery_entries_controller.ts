import type { HttpContext } from '@adonisjs/core/http'
import FindGalleryByCode from '#actions/galleries/find_gallery_by_code'
import { rememberCode } from '#controllers/site/gallery_access'
import { accessCodeValidator } from '#validators/gallery_access'
import { describeWait } from '#services/http/describe_wait'
import { flashFieldError } from '#controllers/site/flash_field_error'

/** The short form at /g: an access code in, the gallery out. */
export default class GalleryEntriesController {
  async create({ view }: HttpContext) {
    return view.render('pages/site/galleries/entry')
  }

  async store(ctx: HttpContext) {
    const { request, response, view } = ctx
    const { code } = await request.validateUsing(accessCodeValidator)
    const result = await FindGalleryByCode.handle(ctx.actor, code)
    if (result.ok) {
      rememberCode(ctx, result.gallery)
      return response.redirect().status(303).toRoute('galleries.show', { slug: result.gallery.slug })
    }
    if (result.reason === 'throttled') {
      response.header('Retry-After', String(result.retryAfterSeconds)).status(429)
      return view.render('pages/site/galleries/entry', {
        blocked: `Too many wrong codes from your network. Try again in ${describeWait(result.retryAfterSeconds)}.`,
      })
    }
    flashFieldError(ctx, 'code', 'We could not find a gallery with that code. Check the code on your card or email.')
    return response.redirect().status(303).toRoute('gallery_entries.create')
  }
}
