import type { HttpContext } from '@adonisjs/core/http'
import GalleryPolicy from '#policies/gallery_policy'
import SubmitSelection from '#actions/galleries/submit_selection'
import ReopenSelection from '#actions/galleries/reopen_selection'
import RequestSelectionLink from '#actions/galleries/request_selection_link'
import { openGallery, rightsOf } from '#controllers/site/gallery_access'
import ListGalleryPhotos from '#actions/galleries/list_gallery_photos'
import { selectionStateOf } from '#actions/galleries/build_gallery_page'

/** Thumbnails on the review page (a selection is tens of photos; beyond this the count still says all). */
const REVIEW_LIMIT = 500
import { selectionFlash } from '#controllers/site/selection_messages'

/**
 * "Submit selection": the signed-in family's favourites become the selection, locked, and
 * the studio is told. A visitor who gave the family's email gets a link sent to the
 * family's inbox instead.
 */
export default class GallerySelectionsController {
  /** The review before sending: the chosen photos, the count against the package, the extras' price. */
  async show(ctx: HttpContext) {
    const { gallery, viewer } = await openGallery(ctx)
    const rights = await rightsOf(ctx, gallery, viewer)
    const list = await ListGalleryPhotos.handle(gallery, viewer, { favoritesOnly: true, perPage: REVIEW_LIMIT })
    const selection = selectionStateOf(gallery, viewer, list.favorites, rights)
    return ctx.view.render('pages/site/gallery_selections/show', { gallery, viewer, list, selection })
  }

  async store(ctx: HttpContext) {
    const { gallery, viewer } = await openGallery(ctx)
    const policy = ctx.bouncer.with(GalleryPolicy)
    if (await policy.allows('requestSelectionLink', gallery, viewer.visitor)) {
      selectionFlash(ctx, await RequestSelectionLink.handle(ctx.actor, gallery, viewer.visitor!))
    } else {
      await policy.authorize('submitSelection', gallery, viewer.visitor)
      selectionFlash(ctx, await SubmitSelection.handle(gallery, viewer.visitor!))
    }
    return ctx.response.redirect().status(303).toRoute('galleries.show', { slug: gallery.slug })
  }

  /** The family reopens its sent selection to change it, until the studio starts editing. */
  async destroy(ctx: HttpContext) {
    const { gallery, viewer } = await openGallery(ctx)
    await ctx.bouncer.with(GalleryPolicy).authorize('submitSelection', gallery, viewer.visitor)
    const result = await ReopenSelection.handle(ctx.actor, gallery, 'family')
    if (result.ok) ctx.session.flash('success', 'Your selection is open again: change your favourites, then send it again.')
    else if (result.reason === 'editing_started') ctx.session.flash('error', 'The studio has started editing your selection. Ask them if you need to change it.')
    return ctx.response.redirect().status(303).toRoute('galleries.show', { slug: gallery.slug })
  }
}
