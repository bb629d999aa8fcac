import type { HttpContext } from '@adonisjs/core/http'
import Gallery from '#models/gallery'
import GalleryPolicy from '#policies/gallery_policy'
import { reprocessValidator } from '#validators/gallery'
import ReprocessPhotos from '#actions/galleries/reprocess_photos'
import { findByRouteId } from '#services/http/route_ids'
import { renderPhotoPanel } from '#services/galleries/studio_photo_panel'

/** Sends one failed photo, or all of a gallery's failed photos, through the pipeline again. */
export default class PhotoReprocessingsController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(GalleryPolicy).authorize('manage')
    const gallery = await findByRouteId(Gallery, ctx.params.gallery_id)
    const { photoId } = await ctx.request.validateUsing(reprocessValidator)
    const queued = await ReprocessPhotos.handle(ctx, gallery, photoId)
    const notice =
      queued === 0 ? 'There is no failed photo to process again.'
      : queued === 1 ? 'One photo is being processed again.'
      : `${queued} photos are being processed again.`
    return renderPhotoPanel(ctx, gallery, 'grid', { notice })
  }
}
