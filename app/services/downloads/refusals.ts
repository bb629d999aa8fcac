import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@adonisjs/core'
import { errors as bouncerErrors, AuthorizationResponse } from '@adonisjs/bouncer'
import { publicGalleryPath } from '#services/galleries/gallery_links'

export type DownloadRefusal = 'not_found' | 'unavailable' | 'downloads_disabled'

/**
 * The answer to a refused download: 404 to anyone who can't see the gallery (nothing
 * to learn about it), back to the gallery page when it expired or went offline (the
 * page says why and how to reach the studio), 403 when downloads are off.
 */
export function refuseDownload(ctx: HttpContext, slug: string | null, reason: DownloadRefusal) {
  if (reason === 'unavailable' && slug) return ctx.response.redirect().status(303).toPath(publicGalleryPath({ slug }))
  if (reason === 'downloads_disabled') {
    throw new bouncerErrors.E_AUTHORIZATION_FAILURE(AuthorizationResponse.deny('Downloads are turned off for this gallery.', 403))
  }
  throw new errors.E_ROUTE_NOT_FOUND([ctx.request.method(), ctx.request.url()])
}
