import type { HttpContext } from '@adonisjs/core/http'
import { updatePhotoValidator, uploadPlaceValidator } from '#validators/gallery'
import UploadPhoto from '#actions/galleries/upload_photo'
import UpdatePhoto from '#actions/galleries/update_photo'
import DeletePhoto from '#actions/galleries/delete_photo'
import { managedGallery } from '#controllers/admin/managed_gallery'
import { photoOfGallery, renderPhotoPanel } from '#controllers/admin/photo_panel'

export default class GalleryPhotosController {
  /** The photos panel of the gallery page: the whole panel, or (`part=grid`) the grid alone. */
  async index(ctx: HttpContext) {
    const gallery = await managedGallery(ctx)
    return renderPhotoPanel(ctx, gallery, ctx.request.input('part') === 'grid' ? 'grid' : 'panel')
  }

  /** One file per request, so each file has its own progress, error and retry. */
  async store(ctx: HttpContext) {
    const gallery = await managedGallery(ctx)
    const file = ctx.request.file('file')
    if (!file) return ctx.response.unprocessableEntity({ errors: [{ field: 'file', message: 'Choose an image to upload.' }] })

    const { batch, position } = await ctx.request.validateUsing(uploadPlaceValidator)
    const place = batch && position !== undefined ? { batch, position } : null
    const result = await UploadPhoto.handle(ctx.actor, gallery, file, place)
    if (!result.ok) return ctx.response.unprocessableEntity({ errors: [{ field: 'file', message: result.message }] })
    return ctx.response.created({
      ok: true,
      photo: { id: result.photo.id, filename: result.asset.originalFilename, status: result.asset.status },
    })
  }

  async update(ctx: HttpContext) {
    const gallery = await managedGallery(ctx)
    const photo = await photoOfGallery(gallery, ctx.params.id)
    const input = await ctx.request.validateUsing(updatePhotoValidator)
    const result = await UpdatePhoto.handle(ctx.actor, photo, input)
    if (result.ok) return renderPhotoPanel(ctx, gallery, 'grid')
    ctx.response.status(422)
    return renderPhotoPanel(ctx, gallery, 'grid', { errors: { [photo.id]: `A ${result.from} photo cannot become ${result.to} directly.` } })
  }

  async destroy(ctx: HttpContext) {
    const gallery = await managedGallery(ctx)
    const photo = await photoOfGallery(gallery, ctx.params.id)
    await DeletePhoto.handle(ctx.actor, photo)
    await gallery.refresh()
    return renderPhotoPanel(ctx, gallery, 'grid', { notice: 'The photo is in the trash.' })
  }
}
