import type { HttpContext } from '@adonisjs/core/http'
import StudioSetting from '#models/studio_setting'
import BuildGalleryPage from '#actions/galleries/build_gallery_page'
import RecordGalleryView from '#actions/galleries/record_gallery_view'
import { galleryOf, rightsOf, viewerOf } from '#controllers/site/gallery_access'
import { galleryPageKey, keepGalleryPage, keepsGalleryPage, keptGalleryPage } from '#controllers/site/kept_gallery_pages'
import { lockedPage } from '#controllers/site/gallery_entry_answers'
import { galleryFilterValidator } from '#validators/gallery_access'

/**
 * A gallery's page: the grid for whoever GalleryPolicy lets see it, the entry form while it
 * is locked, the "expired, contact the studio" page after its date, and a 404 for drafts,
 * archived and deleted galleries. An htmx request gets the grid alone (the favourites
 * filter) or, past the first page, the next tiles alone (scrolling down).
 */
export default class GalleriesController {
  async show(ctx: HttpContext) {
    const { request, response, view } = ctx
    const gallery = await galleryOf(ctx)
    const viewer = await viewerOf(ctx, gallery)
    if (!viewer && gallery.isExpired()) {
      // 410: the link is right but no longer opens; the studio can extend it.
      response.status(410)
      return view.render('pages/site/galleries/expired', { studio: await StudioSetting.current() })
    }
    if (!viewer) return lockedPage(ctx, gallery)
    // A share-link visitor's first heart asks for the email that keeps favourites.
    if (viewer.kind === 'visitor' && !viewer.visitor.email && request.qs().step === 'email') return lockedPage(ctx, gallery)

    const { filter, page: pageNumber } = await request.validateUsing(galleryFilterValidator)
    const rights = await rightsOf(ctx, gallery, viewer)
    response.header('Vary', 'HX-Request')
    const key = keepsGalleryPage(ctx) ? await galleryPageKey(ctx, gallery, viewer, rights) : null
    const kept = key && keptGalleryPage(ctx, key)
    if (kept) {
      await RecordGalleryView.handle(gallery, viewer)
      return kept
    }
    const page = await BuildGalleryPage.handle(gallery, viewer, rights, { favoritesOnly: filter === 'favorites', page: pageNumber })
    // The filter swaps the grid alone and "Show more photos" appends the next page's tiles;
    // back/forward (history restore) needs the whole page.
    if (request.header('hx-request') && !request.header('hx-history-restore-request')) {
      const part = page.list.page > 1 ? '_photos' : '_grid'
      return view.render(`pages/site/galleries/${part}`, { gallery, viewer, ...page })
    }
    await RecordGalleryView.handle(gallery, viewer)
    // With downloads off the page says whom to ask (one more query, only then).
    const studio = page.downloads ? null : await StudioSetting.current()
    const html = await view.render('pages/site/galleries/show', { gallery, viewer, studio, ...page })
    return key ? keepGalleryPage(ctx, key, html) : html
  }
}
