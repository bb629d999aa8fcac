import type { HttpContext } from '@adonisjs/core/http'
import { photoOrderValidator } from '#validators/gallery'
import ReorderPhotos from '#actions/galleries/reorder_photos'
import { managedGallery } from '#controllers/admin/managed_gallery'
import { fieldError } from '#services/http/field_error'

/** The order of a gallery's photos, saved whole after each drag or move. */
export default class GalleryPhotoOrdersController {
  async update(ctx: HttpContext) {
    const gallery = await managedGallery(ctx)
    const { photoIds } = await ctx.request.validateUsing(photoOrderValidator)
    const result = await ReorderPhotos.handle(ctx.actor, gallery, photoIds)
    if (!result.ok) throw fieldError('photoIds', 'Some of these photos are not in this gallery')
    return { ok: true }
  }
}
