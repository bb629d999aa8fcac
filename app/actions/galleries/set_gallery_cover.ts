import type { HttpContext } from '@adonisjs/core/http'
import type Gallery from '#models/gallery'
import Photo from '#models/photo'
import RecordAudit from '#actions/audit/record_audit'
import { fieldError } from '#services/http/field_error'

/** The photo shown on the gallery's card and at the top of its page. */
export default class SetGalleryCover {
  static async handle(ctx: HttpContext | null, gallery: Gallery, photoId: string) {
    const photo = await Photo.query().where('galleryId', gallery.id).where('id', photoId).first()
    if (!photo) throw fieldError('photoId', 'Choose a photo of this gallery')
    if (gallery.coverPhotoId === photo.id) return gallery

    const before = gallery.coverPhotoId
    gallery.coverPhotoId = photo.id
    await gallery.save()
    await RecordAudit.handle(ctx, {
      action: 'gallery.cover_changed',
      subject: { type: 'gallery', id: gallery.id },
      details: { before, after: photo.id },
    })
    return gallery
  }
}
