import type { HttpContext } from '@adonisjs/core/http'
import { managedGallery } from '#controllers/admin/managed_gallery'
import { renderPhotoPanel } from '#controllers/admin/photo_panel'

/** "312 of 500 ready": polled by the gallery page while photos are processing. */
export default class GalleryProcessingsController {
  async show(ctx: HttpContext) {
    const gallery = await managedGallery(ctx)
    return renderPhotoPanel(ctx, gallery, 'processing', { polling: ctx.request.input('polling') === '1' })
  }
}
