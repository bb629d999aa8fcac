import db from '@adonisjs/lucid/services/db'

/**
 * The photos families see: not hidden, not soft-deleted, and with their image processed.
 * A plain query (photos joined with media_assets): callers select what they need, and no
 * model is hydrated.
 */
export function visiblePhotos() {
  return db
    .from('photos')
    .join('media_assets', 'media_assets.id', 'photos.media_asset_id')
    .whereNull('photos.deleted_at')
    .where('photos.is_hidden', false)
    .where('media_assets.status', 'ready')
}

export function visiblePhotosOf(galleryId: string) {
  return visiblePhotos().where('photos.gallery_id', galleryId)
}
