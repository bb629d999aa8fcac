import type { HttpContext } from '@adonisjs/core/http'
import ListGalleryVisitors from '#actions/galleries/list_gallery_visitors'
import CountPhotoDownloads from '#actions/galleries/count_photo_downloads'
import { managedGallery } from '#controllers/admin/managed_gallery'

/** The studio's access log: who entered a gallery and what they did, with downloads per photo. */
export default class GalleryAccessLogsController {
  async show(ctx: HttpContext) {
    const { request, view } = ctx
    const gallery = await managedGallery(ctx, 'id', 'viewAsStudio')
    const { visitors, totals, familyId } = await ListGalleryVisitors.handle(gallery, Number(request.input('page', 1)) || 1)
    visitors.baseUrl(request.url())
    const photoDownloads = await CountPhotoDownloads.handle(gallery)
    return view.render('pages/admin/gallery_access_logs/show', { gallery, visitors, totals, familyId, photoDownloads })
  }
}
