import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'

/** The family's gallery page (it also explains an expired gallery). */
export function galleryPageUrl(slug: string) {
  return router.makeUrl('galleries.show', { slug })
}

/** The same, absolute, for emails. */
export function galleryPageAbsoluteUrl(slug: string) {
  return appUrl + galleryPageUrl(slug)
}

/** `attachment; filename="001-lindqvist.jpg"`: our names are ASCII slugs and digits. */
export function attachment(filename: string) {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '_')
  return `attachment; filename="${safe}"`
}
