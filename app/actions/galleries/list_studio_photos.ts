import db from '@adonisjs/lucid/services/db'
import type Gallery from '#models/gallery'
import type { EditingStatus } from '#models/photo'
import type { MediaAssetStatus } from '#models/media_asset'
import { nextEditingStatuses } from '#actions/galleries/update_photo'
import { cachedMediaUrl } from '#services/galleries/photo_urls'

export interface StudioPhoto {
  id: string
  position: number
  alt: string
  filename: string
  width: number
  height: number
  /** Null until the thumbnail exists. */
  thumbUrl: string | null
  /** Placeholder class in the photo's dominant colour, from the fixed palette in admin_photos.css. */
  colourClass: string
  status: MediaAssetStatus
  error: string | null
  editingStatus: EditingStatus
  nextEditingStatuses: EditingStatus[]
  isFeatured: boolean
  isHidden: boolean
  isCover: boolean
}

const HEX = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i

/** 0–4 per channel: 125 classes, all in the static stylesheet, so no inline style under the CSP. */
export function paletteClass(hex: string | null) {
  const match = HEX.exec(hex ?? '')
  if (!match) return 'tile-c-3-3-3'
  const [r, g, b] = match.slice(1).map((part) => Math.round(Number.parseInt(part, 16) / 63.75))
  return `tile-c-${r}-${g}-${b}`
}

/**
 * Every photo of a gallery as the studio sees it (hidden, processing and failed ones
 * too), in one query of plain rows: a 500-photo grid hydrates no model.
 */
export default class ListStudioPhotos {
  static async handle(gallery: Gallery): Promise<StudioPhoto[]> {
    const rows: any[] = await db
      .from('photos')
      .join('media_assets', 'media_assets.id', 'photos.media_asset_id')
      .where('photos.gallery_id', gallery.id)
      .whereNull('photos.deleted_at')
      .select('photos.id', 'photos.media_asset_id', 'photos.alt_text', 'photos.editing_status')
      .select('photos.is_featured', 'photos.is_hidden')
      .select('media_assets.width', 'media_assets.height', 'media_assets.dominant_color', 'media_assets.variants')
      .select('media_assets.status', 'media_assets.error', 'media_assets.original_filename')
      .orderBy('photos.sort_order')
      .orderBy('photos.created_at')
      .orderBy('photos.id')

    return rows.map((row, index) => {
      const variants = typeof row.variants === 'string' ? JSON.parse(row.variants) : row.variants
      return {
        id: row.id,
        position: index + 1,
        alt: row.alt_text || `Photo ${index + 1}`,
        filename: row.original_filename ?? '',
        width: Number(row.width) || 480,
        height: Number(row.height) || 480,
        thumbUrl: row.status === 'ready' && variants?.thumb ? cachedMediaUrl(row.media_asset_id, 'thumb', 'studio') : null,
        colourClass: paletteClass(row.dominant_color),
        status: row.status,
        error: row.error,
        editingStatus: row.editing_status,
        nextEditingStatuses: nextEditingStatuses(row.editing_status),
        isFeatured: !!row.is_featured,
        isHidden: !!row.is_hidden,
        isCover: gallery.coverPhotoId === row.id,
      }
    })
  }
}
