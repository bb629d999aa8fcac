import type { HttpContext } from '@adonisjs/core/http'
import { reprocessValidator } from '#validators/gallery'
import ReprocessPhotos from '#actions/galleries/reprocess_photos'
import { managedGallery } from '#controllers/admin/managed_gallery'
import { renderPhotoPanel } from '#controllers/admin/photo_panel'

/** Sends one failed photo, or all of a gallery's failed photos, through the pipeline again. */
export default class PhotoReprocessingsController {
  async store(ctx: HttpContext) {
    const gallery = await managedGallery(ctx)
    const { photoId } = await ctx.request.validateUsing(reprocessValidator)
    const queued = await ReprocessPhotos.handle(ctx.actor, gallery, photoId)
    const notice =
      queued === 0 ? 'There is no failed photo to process again.'
      : queued === 1 ? 'One photo is being processed again.'
      : `${queued} photos are being processed again.`
    return renderPhotoPanel(ctx, gallery, 'grid', { notice })
  }
}
