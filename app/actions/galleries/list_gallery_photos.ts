import db from '@adonisjs/lucid/services/db'
import type Gallery from '#models/gallery'
import type { GalleryViewer } from '#services/galleries/gallery_viewer'
import { visiblePhotosOf } from '#services/galleries/visible_photos'
import { cachedMediaUrl, lightboxVariant } from '#services/galleries/photo_urls'

export interface GalleryPhoto {
  id: string
  alt: string
  width: number
  height: number
  thumbUrl: string
  fullUrl: string
  /** CSS class painting the placeholder in the photo's dominant colour (see `styles`). */
  colourClass: string
  favorited: boolean
}

export interface GalleryPhotoList {
  photos: GalleryPhoto[]
  /** Visible photos in the gallery, whatever the filter. */
  total: number
  /** The viewer's favourites among them. */
  favorites: number
  /** Photos the filter brings back in all pages (every photo, or the favourites): the lightbox's "of N". */
  shown: number
  page: number
  /** The page after this one, or null on the last. */
  nextPage: number | null
  /** One rule per dominant colour on this page, for the layout's nonce'd <style> (no inline styles under the CSP). */
  styles: string
}

/** Tiles per page: the rest comes as the visitor scrolls (or taps "Show more photos"). */
export const PHOTOS_PER_PAGE = 60

const HEX = /^#[0-9a-f]{6}$/i

/**
 * One page of a gallery's grid in one query: visible photos joined with their image and the
 * viewer's favourite, as plain rows (no model hydration). Window functions over every visible
 * photo give, on each row, the gallery's total, the viewer's favourites and the photo's
 * position, before the favourites filter and the page cut them down (hence the subquery).
 * Only a page past the end (no row to carry the counts) costs a second, counting query.
 */
export default class ListGalleryPhotos {
  static async handle(
    gallery: Gallery,
    viewer: GalleryViewer,
    options: { favoritesOnly?: boolean; page?: number; perPage?: number } = {}
  ): Promise<GalleryPhotoList> {
    const visitorId = viewer.visitor?.id ?? null
    const page = Math.max(1, options.page ?? 1)
    const perPage = options.perPage ?? PHOTOS_PER_PAGE
    const favoritesOnly = !!options.favoritesOnly && !!visitorId
    const order = 'order by photos.sort_order, photos.created_at, photos.id'

    const grid = visiblePhotosOf(gallery.id)
      .select('photos.id', 'photos.media_asset_id', 'photos.alt_text')
      .select('media_assets.width', 'media_assets.height', 'media_assets.dominant_color', 'media_assets.variants')
      .select(db.raw(`row_number() over (${order}) as position`))
      .select(db.raw('count(*) over () as total'))
    if (visitorId) {
      grid
        .leftJoin('photo_favorites', (join) =>
          join.on('photo_favorites.photo_id', '=', 'photos.id').andOnVal('photo_favorites.gallery_visitor_id', '=', visitorId)
        )
        .select('photo_favorites.id as favorite_id')
        .select(db.raw('count(photo_favorites.id) over () as favorites'))
    }
    const query = db
      .from(grid.as('grid'))
      .select('*')
      .orderBy('position')
      .limit(perPage + 1)
      .offset((page - 1) * perPage)
    if (favoritesOnly) query.whereNotNull('favorite_id')
    const rows: any[] = await query
    const pageRows = rows.slice(0, perPage)
    const counts = rows.length ? countsOf(rows[0]) : await countPhotos(gallery, visitorId)

    const colours = new Set<string>()
    const photos = pageRows.map((row) => {
      const colour = HEX.test(row.dominant_color ?? '') ? row.dominant_color.toLowerCase().slice(1) : 'e3e0ea'
      colours.add(colour)
      const variants = typeof row.variants === 'string' ? JSON.parse(row.variants) : row.variants
      return {
        id: row.id,
        alt: row.alt_text || `Photo ${Number(row.position)} of ${gallery.name}`,
        width: Number(row.width) || 480,
        height: Number(row.height) || 480,
        thumbUrl: cachedMediaUrl(row.media_asset_id, 'thumb'),
        fullUrl: cachedMediaUrl(row.media_asset_id, lightboxVariant(gallery.watermarkEnabled, variants)),
        colourClass: `ph-${colour}`,
        favorited: !!row.favorite_id,
      }
    })

    return {
      photos,
      ...counts,
      shown: favoritesOnly ? counts.favorites : counts.total,
      page,
      nextPage: rows.length > perPage ? page + 1 : null,
      styles: [...colours].map((hex) => `.ph-${hex}{background-color:#${hex}}`).join(''),
    }
  }
}

function countsOf(row: { total: unknown; favorites?: unknown }) {
  return { total: Number(row.total), favorites: Number(row.favorites ?? 0) }
}

async function countPhotos(gallery: Gallery, visitorId: string | null) {
  const query = visiblePhotosOf(gallery.id).count('* as total')
  if (visitorId) {
    query
      .leftJoin('photo_favorites', (join) =>
        join.on('photo_favorites.photo_id', '=', 'photos.id').andOnVal('photo_favorites.gallery_visitor_id', '=', visitorId)
      )
      .count('photo_favorites.id as favorites')
  }
  return countsOf(await query.firstOrFail())
}
