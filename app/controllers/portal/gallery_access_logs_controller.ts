import type { HttpContext } from '@adonisjs/core/http'
import Gallery from '#models/gallery'
import GalleryPolicy from '#policies/gallery_policy'
import ListGalleryVisitors from '#actions/galleries/list_gallery_visitors'
import { isUuid, notFound } from '#services/http/route_ids'

/** The family's view of who entered its gallery. Another family's gallery is a 404. */
export default class GalleryAccessLogsController {
  async show({ bouncer, params, request, view }: HttpContext) {
    const gallery = (isUuid(params.id) ? await Gallery.findWithFacts(params.id) : null) ?? notFound(Gallery)
    if (await bouncer.with(GalleryPolicy).denies('viewAccessLog', gallery)) notFound(Gallery)
    const { visitors, totals, familyId } = await ListGalleryVisitors.handle(gallery, Number(request.input('page', 1)) || 1)
    visitors.baseUrl(request.url())
    return view.render('pages/portal/gallery_access_logs/show', { gallery, visitors, totals, familyId })
  }
}
