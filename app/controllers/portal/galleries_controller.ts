import type { HttpContext } from '@adonisjs/core/http'
import ListFamilyGalleries from '#actions/galleries/list_family_galleries'
import { cachedMediaUrl, viewingVariants } from '#services/galleries/photo_urls'

/** The family's galleries: cover, photo count and how long each stays open (expired ones show no photo). */
export default class GalleriesController {
  async index({ auth, view }: HttpContext) {
    const galleries = await ListFamilyGalleries.handle(auth.getUserOrFail())
    const covers = new Map(
      galleries
        .filter((gallery) => gallery.$extras.cover_asset_id && gallery.isViewable())
        .map((gallery) => {
          const variants = gallery.$extras.cover_variants
          const { thumb } = viewingVariants(gallery.watermarkEnabled, typeof variants === 'string' ? JSON.parse(variants) : variants)
          return [gallery.id, cachedMediaUrl(gallery.$extras.cover_asset_id, thumb, { galleryId: gallery.id })]
        })
    )
    return view.render('pages/portal/galleries/index', { galleries, covers })
  }
}
