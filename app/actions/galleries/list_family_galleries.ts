import db from '@adonisjs/lucid/services/db'
import Gallery from '#models/gallery'
import type User from '#models/user'
import { visiblePhotos } from '#actions/galleries/visible_photos'

/**
 * A family's galleries, through its photo sessions: published and expired ones (drafts
 * and archived galleries stay with the studio), newest first, each with its photo count
 * and the media asset of its cover (the chosen cover photo, else the first photo) in
 * `$extras.photos_count`, `$extras.cover_asset_id` and `$extras.cover_variants`.
 */
export default class ListFamilyGalleries {
  static async handle(user: User, options: { limit?: number } = {}) {
    const query = Gallery.query()
      .whereIn('galleries.photo_session_id', db.from('photo_sessions').where('user_id', user.id).select('id'))
      .whereIn('galleries.status', ['published', 'expired'])
      .select('galleries.*')
      .select(
        visiblePhotos().whereColumn('photos.gallery_id', 'galleries.id')
          .count('*')
          .as('photos_count'),
        visiblePhotos().whereColumn('photos.gallery_id', 'galleries.id')
          .select('photos.media_asset_id')
          .orderByRaw('case when photos.id = galleries.cover_photo_id then 0 else 1 end')
          .orderBy('photos.sort_order')
          .orderBy('photos.created_at')
          .limit(1)
          .as('cover_asset_id'),
        visiblePhotos().whereColumn('photos.gallery_id', 'galleries.id')
          .select('media_assets.variants')
          .orderByRaw('case when photos.id = galleries.cover_photo_id then 0 else 1 end')
          .orderBy('photos.sort_order')
          .orderBy('photos.created_at')
          .limit(1)
          .as('cover_variants')
      )
      .orderBy('galleries.published_at', 'desc')
      .orderBy('galleries.created_at', 'desc')
    if (options.limit) query.limit(options.limit)
    return query
  }
}
