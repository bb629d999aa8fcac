import type { HttpContext } from '@adonisjs/core/http'
import OpenGalleryShareLink from '#actions/galleries/open_gallery_share_link'
import { galleryOf, notFound, rememberCode } from '#controllers/site/gallery_access'

/**
 * A public share link: the secret counts as the code for this browser, then the plain
 * gallery address (so the secret leaves the address bar, history and Referer).
 */
export default class GallerySharesController {
  async show(ctx: HttpContext) {
    const gallery = await galleryOf(ctx)
    const result = await OpenGalleryShareLink.handle(ctx.actor, gallery, String(ctx.params.token))
    if (!result.ok && result.reason === 'throttled') {
      return ctx.response.header('Retry-After', String(result.retryAfterSeconds)).redirect().status(303).toRoute('galleries.show', { slug: gallery.slug })
    }
    if (!result.ok) notFound(ctx)
    rememberCode(ctx, gallery)
    return ctx.response.redirect().status(303).toRoute('galleries.show', { slug: gallery.slug })
  }
}
