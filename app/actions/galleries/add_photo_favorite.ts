import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import { sqlTime } from '#support/db/sql_time'
import { visiblePhotosOf } from '#actions/galleries/visible_photos'

export type PhotoFavoriteResult = { ok: true } | { ok: false; reason: 'locked' | 'not_found' }

/** Whether this visitor's favourites are frozen: they are the submitted selection. */
export function selectionLockedFor(gallery: Gallery, visitor: GalleryVisitor) {
  return !!gallery.selectionSubmittedAt && gallery.selectionVisitorId === visitor.id
}

/** One tap, one heart: a second tap (or a double-click racing itself) writes nothing more. */
export default class AddPhotoFavorite {
  static async handle(gallery: Gallery, visitor: GalleryVisitor, photoId: string): Promise<PhotoFavoriteResult> {
    if (selectionLockedFor(gallery, visitor)) return { ok: false, reason: 'locked' }
    const photo = await visiblePhotosOf(gallery.id).where('photos.id', photoId).select('photos.id').first()
    if (!photo) return { ok: false, reason: 'not_found' }

    const now = sqlTime(DateTime.now())
    await db
      .connection()
      .knexQuery()
      .table('photo_favorites')
      .insert({ id: randomUUID(), photo_id: photoId, gallery_visitor_id: visitor.id, created_at: now, updated_at: now })
      .onConflict(['photo_id', 'gallery_visitor_id'])
      .ignore()
    await GalleryVisitor.favoritesChanged(visitor.id)
    return { ok: true }
  }
}
