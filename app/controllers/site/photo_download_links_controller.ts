import type { HttpContext } from '@adonisjs/core/http'
import Gallery from '#models/gallery'
import Photo from '#models/photo'
import IssueDownloadLink from '#actions/galleries/issue_download_link'
import { downloadLinkValidator } from '#validators/download'
import { downloadAccessOf } from '#services/downloads/download_access'
import { isUuid } from '#services/http/route_ids'
import { refuseDownload } from '#services/downloads/refusals'

/** "Download this photo": a fresh 5-minute signed link, followed at once (or as JSON). */
export default class PhotoDownloadLinksController {
  async store(ctx: HttpContext) {
    const gallery = await Gallery.findByOrFail('slug', ctx.params.slug)
    const access = await downloadAccessOf(ctx, gallery)
    if (!access.ok) return refuseDownload(ctx, gallery.slug, access.reason)
    if (!isUuid(ctx.params.photo_id)) return refuseDownload(ctx, null, 'not_found')
    const photo = await Photo.query().where('galleryId', gallery.id).where('id', ctx.params.photo_id).where('isHidden', false).firstOrFail()
    const { variant = 'web' } = await ctx.request.validateUsing(downloadLinkValidator)
    const url = IssueDownloadLink.handle(photo, variant, access.downloader)
    if (ctx.request.accepts(['html', 'json']) === 'json') return { url, expiresInSeconds: 300 }
    return ctx.response.redirect().status(303).toPath(url)
  }
}
