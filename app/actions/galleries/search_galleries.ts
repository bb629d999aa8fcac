import db from '@adonisjs/lucid/services/db'
import Gallery from '#models/gallery'
import type { MediaAssetStatus } from '#models/media_asset'
import { cachedMediaUrl } from '#services/galleries/photo_urls'

export interface GallerySearch {
  q?: string
  status?: 'draft' | 'published' | 'expired' | 'archived' | 'expiring'
  sort?: 'name' | 'created_at' | 'expires_at'
  direction?: 'asc' | 'desc'
  page?: number
  /** Only the galleries of this photographer's photo sessions. */
  photographerId?: string | null
}

const SORT_COLUMNS = { name: 'galleries.name', created_at: 'galleries.created_at', expires_at: 'galleries.expires_at' }

/** Photos of each listed gallery (not deleted), optionally only those whose file is in `status`. */
function photoCount(alias: string, status?: MediaAssetStatus) {
  const count = db.from('photos').count('*').whereColumn('photos.gallery_id', 'galleries.id').whereNull('photos.deleted_at')
  if (status) count.join('media_assets', 'media_assets.id', 'photos.media_asset_id').where('media_assets.status', status)
  return count.as(alias)
}

export function sessionsOf(photographerId: string) {
  return db.from('photo_sessions').where('photographer_id', photographerId).select('id')
}

/**
 * The studio's gallery list: search by name, address, code, session number or family,
 * filter by status (a photographer's own only), with photo counts (all, ready, processing, failed) in the same query.
 */
export default class SearchGalleries {
  static async handle(search: GallerySearch, perPage = 20) {
    const query = Gallery.query()
      .select('galleries.*')
      .select(photoCount('photos_count'), photoCount('ready_count', 'ready'))
      .select(photoCount('processing_count', 'processing'), photoCount('failed_count', 'failed'))
      .preload('photoSession', (session) => session.preload('user'))
      .preload('coverPhoto', (cover) => cover.preload('mediaAsset'))

    if (search.photographerId) query.whereIn('galleries.photo_session_id', sessionsOf(search.photographerId))
    if (search.q) {
      const term = `%${search.q.toLowerCase()}%`
      query.where((where) => {
        where
          .whereRaw('lower(galleries.name) like ?', [term])
          .orWhereRaw('lower(galleries.slug) like ?', [term])
          .orWhere('galleries.access_code', search.q!.toUpperCase())
          .orWhereHas('photoSession', (session) => {
            session.whereRaw('lower(session_number) like ?', [term]).orWhereHas('user', (user) => {
              user
                .whereRaw('lower(email) like ?', [term])
                .orWhereRaw('lower(first_name) like ?', [term])
                .orWhereRaw('lower(last_name) like ?', [term])
            })
          })
      })
    }

    if (search.status === 'published') query.withScopes((scopes) => scopes.published())
    else if (search.status === 'expired') query.withScopes((scopes) => scopes.expired())
    else if (search.status === 'expiring') query.withScopes((scopes) => scopes.expiringWithin(7))
    else if (search.status) query.where('galleries.status', search.status)

    const direction = search.direction ?? (search.sort && search.sort !== 'created_at' ? 'asc' : 'desc')
    query.orderBy(SORT_COLUMNS[search.sort ?? 'created_at'], direction)
    const page = await query.orderBy('galleries.id').paginate(search.page ?? 1, perPage)
    // The cover chosen in the gallery's photos, as a thumbnail for the list (none: a placeholder).
    for (const gallery of page) {
      const asset = gallery.coverPhoto?.mediaAsset
      gallery.$extras.cover_thumb_url = asset?.status === 'ready' && asset.variants?.thumb ? cachedMediaUrl(asset.id, 'thumb', 'studio') : null
    }
    return page
  }
}
