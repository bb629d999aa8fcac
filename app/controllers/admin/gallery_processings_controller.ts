import type { HttpContext } from '@adonisjs/core/http'
import Gallery from '#models/gallery'
import GalleryPolicy from '#policies/gallery_policy'
import { findByRouteId } from '#services/http/route_ids'
import { renderPhotoPanel } from '#services/galleries/studio_photo_panel'

/** "312 of 500 ready": polled by the gallery page while photos are processing. */
export default class GalleryProcessingsController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.with(GalleryPolicy).authorize('manage')
    const gallery = await findByRouteId(Gallery, ctx.params.gallery_id)
    return renderPhotoPanel(ctx, gallery, 'processing', { polling: ctx.request.input('polling') === '1' })
  }
}
