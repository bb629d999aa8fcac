import type { HttpContext } from '@adonisjs/core/http'
import Gallery from '#models/gallery'
import GalleryPolicy from '#policies/gallery_policy'
import { galleryCoverValidator } from '#validators/gallery'
import SetGalleryCover from '#actions/galleries/set_gallery_cover'
import { findByRouteId } from '#services/http/route_ids'
import { renderPhotoPanel } from '#services/galleries/studio_photo_panel'

export default class GalleryCoversController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(GalleryPolicy).authorize('manage')
    const gallery = await findByRouteId(Gallery, ctx.params.gallery_id)
    const { photoId } = await ctx.request.validateUsing(galleryCoverValidator)
    await SetGalleryCover.handle(ctx, gallery, photoId)
    return renderPhotoPanel(ctx, gallery, 'grid', { notice: 'The cover photo is changed.' })
  }
}
