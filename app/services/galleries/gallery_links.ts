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

/**
 * The link the studio gives out: with public share on, the share link, whose secret
 * opens the gallery without the code (an email, and the password if set, still first).
 */
export function shareGalleryUrl(gallery: Pick<Gallery, 'slug' | 'publicShareEnabled' | 'shareToken'>) {
  if (!gallery.publicShareEnabled || !gallery.shareToken) return publicGalleryUrl(gallery)
  return appUrl + router.makeUrl('gallery_shares.show', { slug: gallery.slug, token: gallery.shareToken })
}

/** Where a sign-in link may send its user afterwards: a gallery's page, nothing else (no open redirect). */
export function isGalleryPath(path: unknown): path is string {
  return typeof path === 'string' && /^\/g\/[a-z0-9][a-z0-9-]{0,120}$/.test(path)
}

/** A one-time sign-in link that lands on the gallery (see issueSignInLink), absolute, for the publish email. */
export function gallerySignInUrl(gallery: Pick<Gallery, 'slug'>, token: string) {
  return appUrl + router.makeUrl('sign_in_links.show', { token }, { qs: { next: publicGalleryPath(gallery) } })
}
