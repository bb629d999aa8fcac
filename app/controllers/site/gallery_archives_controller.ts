import type { HttpContext } from '@adonisjs/core/http'
import Gallery from '#models/gallery'
import StreamGalleryArchive from '#actions/galleries/stream_gallery_archive'
import { archiveQueryValidator } from '#validators/download'
import { downloadAccessOf } from '#services/downloads/download_access'
import { attachment } from '#services/downloads/attachment'
import { publicGalleryPath } from '#services/galleries/gallery_links'
import { refuseDownload } from '#services/downloads/refusals'

/** "Download all" / "Download favourites": a ZIP streamed while it is built. */
export default class GalleryArchivesController {
  async show(ctx: HttpContext) {
    const gallery = await Gallery.findByOrFail('slug', ctx.params.slug)
    const access = await downloadAccessOf(ctx, gallery)
    if (!access.ok) return refuseDownload(ctx, gallery.slug, access.reason)
    const { set, variant = 'web' } = await ctx.request.validateUsing(archiveQueryValidator)
    const result = await StreamGalleryArchive.handle({ gallery, viewer: access.viewer, set, variant, ip: ctx.request.ip() })
    if (!result.ok) {
      ctx.session.flash('error', set === 'favorites' ? 'You have no favourites to download yet.' : 'No photos are ready to download yet.')
      return ctx.response.redirect().status(303).toPath(publicGalleryPath(gallery))
    }
    ctx.response.header('Content-Type', 'application/zip').header('Content-Disposition', attachment(result.filename))
    ctx.response.header('Cache-Control', 'private, no-store')
    return ctx.response.stream(result.stream)
  }
}
