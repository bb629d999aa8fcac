import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import type Gallery from '#models/gallery'

/** A gallery's public page (/g/<slug>): the grid, its entry form or its expired notice. */
export function publicGalleryPath(gallery: Pick<Gallery, 'slug'>) {
  return router.makeUrl('galleries.show', { slug: gallery.slug })
}

/** The same, absolute, as emailed to the family and visitors. */
export function publicGalleryUrl(gallery: Pick<Gallery, 'slug'>) {
  return appUrl + publicGalleryPath(gallery)
}
