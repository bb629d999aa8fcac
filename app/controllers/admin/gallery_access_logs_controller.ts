import type { HttpContext } from '@adonisjs/core/http'
import Gallery from '#models/gallery'
import GalleryPolicy from '#policies/gallery_policy'
import ListGalleryVisitors from '#actions/galleries/list_gallery_visitors'
import CountPhotoDownloads from '#actions/galleries/count_photo_downloads'
import { findByRouteId } from '#services/http/route_ids'

/** The studio's access log: who entered a gallery and what they did, with downloads per photo. */
export default class GalleryAccessLogsController {
  async show({ bouncer, params, request, view }: HttpContext) {
    await bouncer.with(GalleryPolicy).authorize('viewAsStudio')
    const gallery = await findByRouteId(Gallery, params.id)
    const { visitors, totals, familyId } = await ListGalleryVisitors.handle(gallery, Number(request.input('page', 1)) || 1)
    visitors.baseUrl(request.url())
    const photoDownloads = await CountPhotoDownloads.handle(gallery)
    return view.render('pages/admin/gallery_access_logs/show', { gallery, visitors, totals, familyId, photoDownloads })
  }
}
