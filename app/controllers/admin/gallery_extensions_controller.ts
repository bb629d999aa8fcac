import type { HttpContext } from '@adonisjs/core/http'
import Gallery from '#models/gallery'
import GalleryPolicy from '#policies/gallery_policy'
import { galleryExtensionValidator } from '#validators/gallery'
import ExtendGallery from '#actions/galleries/extend_gallery'
import { findByRouteId } from '#services/http/route_ids'

const REFUSALS = {
  not_extendable: 'Only a published or expired gallery can be extended.',
  not_later: 'Choose a date after today.',
} as const

/** Extending a gallery's expiry (an expired gallery opens again). */
export default class GalleryExtensionsController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(GalleryPolicy).authorize('manage')
    const gallery = await findByRouteId(Gallery, ctx.params.gallery_id)
    const input = await ctx.request.validateUsing(galleryExtensionValidator)
    const result = await ExtendGallery.handle(ctx, gallery, input)
    if (result.ok) ctx.session.flash('success', `“${gallery.name}” is extended: see its new expiry date below.`)
    else ctx.session.flash('error', REFUSALS[result.reason])
    return ctx.response.redirect().status(303).toRoute('admin.galleries.show', { id: gallery.id })
  }
}
