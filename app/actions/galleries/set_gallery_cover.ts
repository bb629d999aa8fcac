import type Gallery from '#models/gallery'
import Photo from '#models/photo'
import RecordAudit from '#actions/audit/record_audit'
import type { Actor } from '#support/actor'

/** The photo shown on the gallery's card and at the top of its page. */
export type SetGalleryCoverResult = { ok: true; gallery: Gallery } | { ok: false; reason: 'not_in_gallery' }

export default class SetGalleryCover {
  static async handle(actor: Actor, gallery: Gallery, photoId: string): Promise<SetGalleryCoverResult> {
    const photo = await Photo.query().where('galleryId', gallery.id).where('id', photoId).first()
    if (!photo) return { ok: false, reason: 'not_in_gallery' }
    if (gallery.coverPhotoId === photo.id) return { ok: true, gallery }

    const before = gallery.coverPhotoId
    gallery.coverPhotoId = photo.id
    await gallery.save()
    await RecordAudit.handle(actor, {
      action: 'gallery.cover_changed',
      subject: { type: 'gallery', id: gallery.id },
      details: { before, after: photo.id },
    })
    return { ok: true, gallery }
  }
}
