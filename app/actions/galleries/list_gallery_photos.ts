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
  /** One rule per dominant colour, for the layout's nonce'd <style> (no inline styles under the CSP). */
  styles: string
}

const HEX = /^#[0-9a-f]{6}$/i

/**
 * The grid of a gallery in one query: visible photos joined with their image and the
 * viewer's favourite, as plain rows (no model hydration). The favourites filter is applied
 * here, so the page's colour rules always cover every photo the filter can bring back.
 */
export default class ListGalleryPhotos {
  static async handle(gallery: Gallery, viewer: GalleryViewer, options: { favoritesOnly?: boolean } = {}): Promise<GalleryPhotoList> {
    const visitorId = viewer.visitor?.id ?? null
    const query = visiblePhotosOf(gallery.id)
      .select('photos.id', 'photos.media_asset_id', 'photos.alt_text')
      .select('media_assets.width', 'media_assets.height', 'media_assets.dominant_color', 'media_assets.variants')
      .orderBy('photos.sort_order')
      .orderBy('photos.created_at')
      .orderBy('photos.id')
    if (visitorId) {
      query
        .leftJoin('photo_favorites', (join) =>
          join.on('photo_favorites.photo_id', '=', 'photos.id').andOnVal('photo_favorites.gallery_visitor_id', '=', visitorId)
        )
        .select('photo_favorites.id as favorite_id')
    }
    const rows: any[] = await query

    const colours = new Set<string>()
    const all = rows.map((row, index) => {
      const colour = HEX.test(row.dominant_color ?? '') ? row.dominant_color.toLowerCase().slice(1) : 'e3e0ea'
      colours.add(colour)
      const variants = typeof row.variants === 'string' ? JSON.parse(row.variants) : row.variants
      return {
        id: row.id,
        alt: row.alt_text || `Photo ${index + 1} of ${gallery.name}`,
        width: Number(row.width) || 480,
        height: Number(row.height) || 480,
        thumbUrl: cachedMediaUrl(row.media_asset_id, 'thumb'),
        fullUrl: cachedMediaUrl(row.media_asset_id, lightboxVariant(gallery.watermarkEnabled, variants)),
        colourClass: `ph-${colour}`,
        favorited: !!row.favorite_id,
      }
    })

    const favorites = all.filter((photo) => photo.favorited)
    return {
      photos: options.favoritesOnly ? favorites : all,
      total: all.length,
      favorites: favorites.length,
      styles: [...colours].map((hex) => `.ph-${hex}{background-color:#${hex}}`).join(''),
    }
  }
}
