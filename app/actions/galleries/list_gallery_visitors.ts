import db from '@adonisjs/lucid/services/db'
import type Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'

export interface GalleryAccessTotals {
  visitors: number
  favorites: number
}

/**
 * The access log of a gallery: who entered (one row per email), when first and last,
 * how often they opened it, what they favourited and downloaded. Counts come from
 * subqueries, so a page of 50 visitors is one query (plus the paginator's count).
 */
export default class ListGalleryVisitors {
  static async handle(gallery: Gallery, page = 1, perPage = 50) {
    const downloads = db.from('downloads').count('*').whereColumn('downloads.gallery_visitor_id', 'gallery_visitors.id')
    const visitors = await GalleryVisitor.query()
      .where('galleryId', gallery.id)
      .select('gallery_visitors.*')
      .select(downloads.as('downloads_count'))
      .withCount('favorites')
      .orderBy('lastSeenAt', 'desc')
      .orderBy('id')
      .paginate(page, perPage)

    const [favorites] = await db
      .from('photo_favorites')
      .join('photos', 'photos.id', 'photo_favorites.photo_id')
      .where('photos.gallery_id', gallery.id)
      .count('* as total')
    const totals: GalleryAccessTotals = { visitors: visitors.total, favorites: Number(favorites.total) }
    return { visitors, totals, familyId: await gallery.familyId() }
  }
}
