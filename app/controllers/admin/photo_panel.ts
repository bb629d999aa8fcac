import type { HttpContext } from '@adonisjs/core/http'
import type Gallery from '#models/gallery'
import Photo from '#models/photo'
import ListStudioPhotos from '#actions/galleries/list_studio_photos'
import SummarizeProcessing from '#actions/galleries/summarize_processing'
import { isUuid, notFound } from '#services/http/route_ids'

/*
| The photos panel of a gallery's studio page, rendered by the controllers that change it
| (controller-side: actions never render or redirect).
*/

/** A photo of this gallery (not trashed), or 404: a photo id from another gallery never matches. */
export async function photoOfGallery(gallery: Gallery, id: unknown) {
  if (!isUuid(id)) notFound(Photo)
  return Photo.query().where('galleryId', gallery.id).where('id', id).firstOrFail()
}

export type PanelPart = 'panel' | 'grid' | 'processing'

/**
 * One URL, two renders: an htmx request gets the fragment it swaps (the grid carries the
 * progress summary out of band, since deleting or reprocessing changes both), a plain
 * form post goes back to the gallery page.
 */
export async function renderPhotoPanel(
  ctx: HttpContext,
  gallery: Gallery,
  part: PanelPart,
  extra: { errors?: Record<string, string>; notice?: string; polling?: boolean } = {}
) {
  if (!ctx.request.header('hx-request') && ctx.request.method() !== 'GET') {
    if (extra.notice) ctx.session.flash('success', extra.notice)
    const error = Object.values(extra.errors ?? {})[0]
    if (error) ctx.session.flash('error', error)
    return ctx.response.redirect().status(303).toRoute('admin.galleries.show', { id: gallery.id })
  }
  const summary = await SummarizeProcessing.handle(gallery, { withJobs: ctx.auth.user?.role === 'admin' })
  const withGrid = part !== 'processing' || (extra.polling === true && summary.processing === 0)
  const photos = withGrid ? await ListStudioPhotos.handle(gallery) : []
  const page = part === 'panel' ? (ctx.request.header('hx-request') ? '_content' : 'index') : `_${part}`
  return ctx.view.render(`pages/admin/gallery_photos/${page}`, {
    gallery,
    photos,
    summary,
    errors: extra.errors ?? {},
    notice: extra.notice ?? null,
    polling: summary.processing > 0,
    gridOob: part === 'processing' && withGrid,
    processingOob: part === 'grid',
  })
}
