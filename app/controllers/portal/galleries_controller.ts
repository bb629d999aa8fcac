import type { HttpContext } from '@adonisjs/core/http'
import ListFamilyGalleries from '#actions/galleries/list_family_galleries'
import { cachedMediaUrl } from '#services/galleries/photo_urls'

/** The family's galleries: cover, photo count and how long each stays open. */
export default class GalleriesController {
  async index({ auth, view }: HttpContext) {
    const galleries = await ListFamilyGalleries.handle(auth.getUserOrFail())
    const covers = new Map(
      galleries
        .filter((gallery) => gallery.$extras.cover_asset_id)
        .map((gallery) => [gallery.id, cachedMediaUrl(gallery.$extras.cover_asset_id, 'thumb')])
    )
    return view.render('pages/portal/galleries/index', { galleries, covers })
  }
}
