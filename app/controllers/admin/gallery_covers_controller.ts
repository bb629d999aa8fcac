import type { HttpContext } from '@adonisjs/core/http'
import { galleryCoverValidator } from '#validators/gallery'
import SetGalleryCover from '#actions/galleries/set_gallery_cover'
import { managedGallery } from '#controllers/admin/managed_gallery'
import { fieldError } from '#services/http/field_error'
import { renderPhotoPanel } from '#controllers/admin/photo_panel'

export default class GalleryCoversController {
  async store(ctx: HttpContext) {
    const gallery = await managedGallery(ctx)
    const { photoId } = await ctx.request.validateUsing(galleryCoverValidator)
    const result = await SetGalleryCover.handle(ctx.actor, gallery, photoId)
    if (!result.ok) throw fieldError('photoId', 'Choose a photo of this gallery')
    return renderPhotoPanel(ctx, gallery, 'grid', { notice: 'The cover photo is changed.' })
  }
}
