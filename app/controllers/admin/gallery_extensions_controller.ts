import type { HttpContext } from '@adonisjs/core/http'
import { galleryExtensionValidator } from '#validators/gallery'
import ExtendGallery from '#actions/galleries/extend_gallery'
import { managedGallery } from '#controllers/admin/managed_gallery'
import { fieldError } from '#services/http/field_error'

const REFUSALS = {
  no_date: 'Enter a number of days or choose a date.',
  not_extendable: 'Only a published or expired gallery can be extended.',
  not_later: 'Choose a date after today.',
} as const

/** Extending a gallery's expiry (an expired gallery opens again). */
export default class GalleryExtensionsController {
  async store(ctx: HttpContext) {
    const gallery = await managedGallery(ctx)
    const input = await ctx.request.validateUsing(galleryExtensionValidator)
    const result = await ExtendGallery.handle(ctx.actor, gallery, input)
    if (!result.ok && result.reason === 'no_date') throw fieldError('days', 'Enter a number of days or choose a date')
    if (result.ok) ctx.session.flash('success', `“${gallery.name}” is extended: see its new expiry date below.`)
    else ctx.session.flash('error', REFUSALS[result.reason])
    return ctx.response.redirect().status(303).toRoute('admin.galleries.show', { id: gallery.id })
  }
}
