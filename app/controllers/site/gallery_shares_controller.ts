import type { HttpContext } from '@adonisjs/core/http'
import OpenGalleryShareLink from '#actions/galleries/open_gallery_share_link'
import { galleryOf, keepVisitorIn, notFound, rememberCode, viewerOf } from '#controllers/site/gallery_access'

/**
 * A public share link: the secret counts as the code for this browser, which gets in
 * straight away (an email-less pass), then the plain gallery address (so the secret
 * leaves the address bar, history and Referer).
 */
export default class GallerySharesController {
  async show(ctx: HttpContext) {
    const gallery = await galleryOf(ctx)
    const alreadyIn = !!(await viewerOf(ctx, gallery))
    const result = await OpenGalleryShareLink.handle(ctx.actor, gallery, String(ctx.params.token), { alreadyIn })
    if (!result.ok && result.reason === 'throttled') {
      return ctx.response.header('Retry-After', String(result.retryAfterSeconds)).redirect().status(303).toRoute('galleries.show', { slug: gallery.slug })
    }
    if (!result.ok) notFound(ctx)
    rememberCode(ctx, gallery)
    if (result.passToken) keepVisitorIn(ctx, gallery, result.passToken)
    return ctx.response.redirect().status(303).toRoute('galleries.show', { slug: gallery.slug })
  }
}
