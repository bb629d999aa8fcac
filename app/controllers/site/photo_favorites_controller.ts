import router from '@adonisjs/core/services/router'
import type { HttpContext } from '@adonisjs/core/http'
import type Gallery from '#models/gallery'
import GalleryPolicy from '#policies/gallery_policy'
import type { GalleryViewer } from '#actions/galleries/gallery_viewer'
import AddPhotoFavorite, { type PhotoFavoriteResult } from '#actions/galleries/add_photo_favorite'
import RemovePhotoFavorite from '#actions/galleries/remove_photo_favorite'
import { selectionStateOf } from '#actions/galleries/build_gallery_page'
import { countSelection } from '#actions/galleries/selection_summary'
import { notFound, openGallery, rightsOf } from '#controllers/site/gallery_access'
import { isUuid } from '#services/http/route_ids'

/**
 * The heart on a photo. htmx gets the button back, plus the selection bar out of band so
 * the counter follows without a reload; a plain form post goes back to the gallery.
 */
export default class PhotoFavoritesController {
  async store(ctx: HttpContext) {
    const { gallery, viewer, photoId } = await this.load(ctx)
    if (viewer.kind === 'visitor' && !viewer.visitor.email) return this.askForEmail(ctx, gallery)
    const result = await AddPhotoFavorite.handle(gallery, viewer.visitor!, photoId)
    return this.respond(ctx, gallery, viewer, photoId, result)
  }

  async destroy(ctx: HttpContext) {
    const { gallery, viewer, photoId } = await this.load(ctx)
    const result = await RemovePhotoFavorite.handle(gallery, viewer.visitor!, photoId)
    return this.respond(ctx, gallery, viewer, photoId, result)
  }

  private async load(ctx: HttpContext) {
    const { gallery, viewer } = await openGallery(ctx)
    await ctx.bouncer.with(GalleryPolicy).authorize('favorite', gallery, viewer.visitor)
    if (!isUuid(ctx.params.photo_id)) notFound(ctx)
    return { gallery, viewer, photoId: ctx.params.photo_id as string }
  }

  /** A share-link visitor's first heart: favourites are kept under an email, so the email step first. */
  private askForEmail(ctx: HttpContext, gallery: Gallery) {
    const url = router.makeUrl('galleries.show', { slug: gallery.slug }, { qs: { step: 'email' } })
    if (ctx.request.header('hx-request')) return ctx.response.header('HX-Redirect', url).noContent()
    return ctx.response.redirect().status(303).toPath(url)
  }

  private async respond(ctx: HttpContext, gallery: Gallery, viewer: GalleryViewer, photoId: string, result: PhotoFavoriteResult) {
    const { request, response, view, session } = ctx
    if (!result.ok && result.reason === 'not_found') notFound(ctx)
    if (!request.header('hx-request')) {
      if (!result.ok) session.flash('error', 'Your selection is submitted: its favourites can no longer change.')
      return response.redirect().status(303).toRoute('galleries.show', { slug: gallery.slug })
    }

    const rights = await rightsOf(ctx, gallery, viewer)
    const selection = selectionStateOf(gallery, viewer, await countSelection(gallery.id, viewer.visitor!.id), rights)
    // After a refused change the heart stays as it was.
    const favorited = (request.method() === 'POST') === result.ok
    if (!result.ok) response.status(409)
    const button = await view.render('pages/site/galleries/_favorite_button', { gallery, photo: { id: photoId, favorited }, selection })
    const bar = await view.render('pages/site/galleries/_selection_bar', { gallery, selection, downloads: rights.downloads, oob: true })
    return button + bar
  }
}
