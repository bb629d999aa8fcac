import type { HttpContext } from '@adonisjs/core/http'
import Photo from '#models/photo'
import GalleryPolicy from '#policies/gallery_policy'
import IssueDownloadLink from '#actions/galleries/issue_download_link'
import { downloaderOf } from '#actions/galleries/gallery_viewer'
import { downloadLinkValidator } from '#validators/download'
import { galleryOf, notFound, viewerOf } from '#controllers/site/gallery_access'
import { backToGallery } from '#controllers/site/download_refusals'
import { isUuid } from '#services/http/route_ids'

/** "Download this photo": a fresh 5-minute signed link, followed at once (or as JSON). */
export default class PhotoDownloadLinksController {
  async store(ctx: HttpContext) {
    const gallery = await galleryOf(ctx)
    const viewer = await viewerOf(ctx, gallery)
    if (!viewer) return gallery.isViewable() ? notFound(ctx) : backToGallery(ctx, gallery)
    const { variant = 'web' } = await ctx.request.validateUsing(downloadLinkValidator)
    await ctx.bouncer.with(GalleryPolicy).authorize('download', gallery, viewer.visitor, variant)
    if (!isUuid(ctx.params.photo_id)) notFound(ctx)
    const photo = await Photo.query().where('galleryId', gallery.id).where('id', ctx.params.photo_id).where('isHidden', false).firstOrFail()
    const url = IssueDownloadLink.handle(photo, variant, downloaderOf(viewer))
    if (ctx.request.accepts(['html', 'json']) === 'json') return { url, expiresInSeconds: 300 }
    return ctx.response.redirect().status(303).toPath(url)
  }
}
