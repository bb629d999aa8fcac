import type { HttpContext } from '@adonisjs/core/http'
import GalleryPolicy from '#policies/gallery_policy'
import StreamGalleryArchive from '#actions/galleries/stream_gallery_archive'
import { archiveQueryValidator } from '#validators/download'
import { galleryOf, notFound, viewerOf } from '#controllers/site/gallery_access'
import { backToGallery, tooManyArchives } from '#controllers/site/download_refusals'
import { attachment } from '#services/http/attachment'

/** "Download all" / "Download favourites": a ZIP streamed while it is built. */
export default class GalleryArchivesController {
  async show(ctx: HttpContext) {
    const gallery = await galleryOf(ctx)
    const viewer = await viewerOf(ctx, gallery)
    if (!viewer) return gallery.isViewable() ? notFound(ctx) : backToGallery(ctx, gallery)
    const { set, variant = 'web' } = await ctx.request.validateUsing(archiveQueryValidator)
    await ctx.bouncer.with(GalleryPolicy).authorize('download', gallery, viewer.visitor, variant)
    const result = await StreamGalleryArchive.handle({ gallery, viewer, set, variant, ip: ctx.request.ip() })
    if (!result.ok && result.reason === 'too_many_at_once') return tooManyArchives(ctx, result.limit)
    if (!result.ok) {
      ctx.session.flash('error', set === 'favorites' ? 'You have no favourites to download yet.' : 'No photos are ready to download yet.')
      return backToGallery(ctx, gallery)
    }
    ctx.response.header('Content-Type', 'application/zip').header('Content-Disposition', attachment(result.filename))
    ctx.response.header('Cache-Control', 'private, no-store')
    return ctx.response.stream(result.stream)
  }
}
