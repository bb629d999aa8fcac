import type { HttpContext } from '@adonisjs/core/http'
import Gallery from '#models/gallery'
import GalleryPolicy from '#policies/gallery_policy'
import { photoOrderValidator } from '#validators/gallery'
import ReorderPhotos from '#actions/galleries/reorder_photos'
import { findByRouteId } from '#services/http/route_ids'

/** The order of a gallery's photos, saved whole after each drag or move. */
export default class GalleryPhotoOrdersController {
  async update(ctx: HttpContext) {
    await ctx.bouncer.with(GalleryPolicy).authorize('manage')
    const gallery = await findByRouteId(Gallery, ctx.params.gallery_id)
    const { photoIds } = await ctx.request.validateUsing(photoOrderValidator)
    await ReorderPhotos.handle(ctx, gallery, photoIds)
    return { ok: true }
  }
}
