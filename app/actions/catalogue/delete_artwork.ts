import db from '@adonisjs/lucid/services/db'
import type Artwork from '#models/artwork'
import MediaAsset from '#models/media_asset'
import RecordAudit from '#actions/audit/record_audit'
import { deleteMediaFiles } from '#services/media/delete_media_files'
import type { Actor } from '#support/actor'

export type DeleteArtworkResult = { ok: true } | { ok: false; reason: 'ordered' }

/**
 * Deletes an artwork nobody ordered, with its print options (carts and wishlists holding
 * it lose it by cascade) and its picture, files included. One that was ordered can only
 * be archived: its order items name it. The check and the delete share a transaction
 * that locks the artwork row, so an order placed meanwhile keeps it.
 */
export default class DeleteArtwork {
  static async handle(actor: Actor, artwork: Artwork): Promise<DeleteArtworkResult> {
    const asset = artwork.mediaAssetId ? await MediaAsset.find(artwork.mediaAssetId) : null
    const deleted = await db.transaction(async (trx) => {
      await trx.from('artworks').where('id', artwork.id).forUpdate().select('id').first()
      if (await trx.from('order_items').where('artwork_id', artwork.id).select('id').first()) return false
      await trx.from('artworks').where('id', artwork.id).delete()
      if (asset) await trx.from('media_assets').where('id', asset.id).delete()
      return true
    })
    if (!deleted) return { ok: false, reason: 'ordered' }
    if (asset) await deleteMediaFiles(asset)
    await RecordAudit.handle(actor, { action: 'artwork.deleted', subject: { type: 'artwork', id: artwork.id }, details: { title: artwork.title } })
    return { ok: true }
  }
}
