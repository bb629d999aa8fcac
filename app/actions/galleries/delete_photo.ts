import db from '@adonisjs/lucid/services/db'
import Gallery from '#models/gallery'
import type Photo from '#models/photo'
import RecordAudit from '#actions/audit/record_audit'
import type { Actor } from '#support/actor'

/**
 * Moves a photo to the trash (its files stay, favourites and downloads keep pointing at
 * it). If it was the cover, the gallery's first remaining photo takes its place.
 */
export default class DeletePhoto {
  static async handle(actor: Actor, photo: Photo) {
    if (photo.isTrashed) return photo
    await db.transaction(async (trx) => {
      photo.useTransaction(trx)
      await photo.softDelete()
      const next = await trx
        .from('photos')
        .where('gallery_id', photo.galleryId)
        .whereNull('deleted_at')
        .orderBy('sort_order')
        .orderBy('created_at')
        .select('id')
        .first()
      await Gallery.query({ client: trx })
        .where('id', photo.galleryId)
        .where('cover_photo_id', photo.id)
        .update({ coverPhotoId: next?.id ?? null })
      await Gallery.photosChanged(photo.galleryId, trx)
    })
    await RecordAudit.handle(actor, {
      action: 'photo.deleted',
      subject: { type: 'photo', id: photo.id },
      details: { galleryId: photo.galleryId },
    })
    return photo
  }
}
