import type { HttpContext } from '@adonisjs/core/http'
import ConfirmSelection, { selectionLinkOf } from '#actions/galleries/confirm_selection'
import { galleryOf } from '#controllers/site/gallery_access'
import { selectionFlash } from '#controllers/site/selection_messages'

/**
 * The one-time link emailed to the family: the page asks to confirm (a mail scanner
 * following the link submits nothing), the form submits the selection.
 */
export default class GallerySelectionConfirmationsController {
  async show(ctx: HttpContext) {
    const gallery = await galleryOf(ctx)
    const link = await selectionLinkOf(gallery, String(ctx.params.token))
    if (!link) ctx.response.status(410)
    return ctx.view.render('pages/site/gallery_selection_confirmations/show', { gallery, link, token: ctx.params.token })
  }

  async store(ctx: HttpContext) {
    const gallery = await galleryOf(ctx)
    selectionFlash(ctx, await ConfirmSelection.handle(ctx.actor, gallery, String(ctx.params.token)))
    return ctx.response.redirect().status(303).toRoute('galleries.show', { slug: gallery.slug })
  }
}
