import db from '@adonisjs/lucid/services/db'
import type Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import { selectionLockedFor, type PhotoFavoriteResult } from '#actions/galleries/add_photo_favorite'

/** Takes the heart off; removing one that is not there is not an error. */
export default class RemovePhotoFavorite {
  static async handle(gallery: Gallery, visitor: GalleryVisitor, photoId: string): Promise<PhotoFavoriteResult> {
    if (selectionLockedFor(gallery, visitor)) return { ok: false, reason: 'locked' }
    await db.from('photo_favorites').where('photo_id', photoId).where('gallery_visitor_id', visitor.id).delete()
    await GalleryVisitor.favoritesChanged(visitor.id)
    return { ok: true }
  }
}
