import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import type Gallery from '#models/gallery'

/** The absolute address of a gallery's public page (/g/<slug>), as emailed to the family. */
export function publicGalleryUrl(gallery: Pick<Gallery, 'slug'>) {
  return appUrl + publicGalleryPath(gallery)
}

export function publicGalleryPath(gallery: Pick<Gallery, 'slug'>) {
  try {
    return router.makeUrl('galleries.show', { slug: gallery.slug })
  } catch {
    // TODO(G1): drop once the public gallery route exists everywhere.
    return `/g/${encodeURIComponent(gallery.slug)}`
  }
}
