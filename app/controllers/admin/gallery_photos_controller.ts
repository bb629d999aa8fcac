import type { HttpContext } from '@adonisjs/core/http'
import Gallery from '#models/gallery'
import GalleryPolicy from '#policies/gallery_policy'
import { updatePhotoValidator } from '#validators/gallery'
import UploadPhoto from '#actions/galleries/upload_photo'
import UpdatePhoto from '#actions/galleries/update_photo'
import DeletePhoto from '#actions/galleries/delete_photo'
import { findByRouteId } from '#services/http/route_ids'
import { photoOfGallery, renderPhotoPanel } from '#services/galleries/studio_photo_panel'

export default class GalleryPhotosController {
  /** The photos panel of the gallery page: the whole panel, or (`part=grid`) the grid alone. */
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(GalleryPolicy).authorize('manage')
    const gallery = await findByRouteId(Gallery, ctx.params.gallery_id)
    return renderPhotoPanel(ctx, gallery, ctx.request.input('part') === 'grid' ? 'grid' : 'panel')
  }

  /** One file per request, so each file has its own progress, error and retry. */
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(GalleryPolicy).authorize('manage')
    const gallery = await findByRouteId(Gallery, ctx.params.gallery_id)
    const file = ctx.request.file('file')
    if (!file) return ctx.response.unprocessableEntity({ errors: [{ field: 'file', message: 'Choose an image to upload.' }] })

    const result = await UploadPhoto.handle(ctx, gallery, file)
    if (!result.ok) return ctx.response.unprocessableEntity({ errors: [{ field: 'file', message: result.message }] })
    return ctx.response.created({
      ok: true,
      photo: { id: result.photo.id, filename: result.asset.originalFilename, status: result.asset.status },
    })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(GalleryPolicy).authorize('manage')
    const gallery = await findByRouteId(Gallery, ctx.params.gallery_id)
    const photo = await photoOfGallery(gallery, ctx.params.id)
    const input = await ctx.request.validateUsing(updatePhotoValidator)
    const result = await UpdatePhoto.handle(ctx, photo, input)
    if (!result.ok) ctx.response.status(422)
    return renderPhotoPanel(ctx, gallery, 'grid', result.ok ? {} : { errors: { [photo.id]: result.message } })
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(GalleryPolicy).authorize('manage')
    const gallery = await findByRouteId(Gallery, ctx.params.gallery_id)
    const photo = await photoOfGallery(gallery, ctx.params.id)
    await DeletePhoto.handle(ctx, photo)
    await gallery.refresh()
    return renderPhotoPanel(ctx, gallery, 'grid', { notice: 'The photo is in the trash.' })
  }
}
