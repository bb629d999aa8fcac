import db from '@adonisjs/lucid/services/db'
import Gallery from '#models/gallery'
import RecordAudit from '#actions/audit/record_audit'
import type { Actor } from '#support/actor'

const CHUNK = 200

/**
 * Saves the order the studio dragged the photos into. Photos missing from the list (an
 * upload that finished meanwhile) keep their relative order after the listed ones; an
 * id that is not a photo of this gallery rejects the whole request.
 */
export type ReorderPhotosResult = { ok: true } | { ok: false; reason: 'not_in_gallery' }

export default class ReorderPhotos {
  static async handle(actor: Actor, gallery: Gallery, photoIds: string[]): Promise<ReorderPhotosResult> {
    const done = await db.transaction(async (trx) => {
      const current = await trx
        .from('photos')
        .where('gallery_id', gallery.id)
        .whereNull('deleted_at')
        .orderBy('sort_order')
        .orderBy('created_at')
        .select('id', 'sort_order')
      const known = new Map<string, number>(current.map((row) => [row.id, Number(row.sort_order)]))
      if (photoIds.some((id) => !known.has(id))) return false

      const listed = new Set(photoIds)
      const order = [...photoIds, ...current.map((row) => row.id as string).filter((id) => !listed.has(id))]
      const changes = order.map((id, index) => [id, index] as const).filter(([id, index]) => known.get(id) !== index)
      for (let start = 0; start < changes.length; start += CHUNK) {
        const chunk = changes.slice(start, start + CHUNK)
        const cases = chunk.map(() => 'when ? then cast(? as integer)').join(' ')
        await trx
          .from('photos')
          .where('gallery_id', gallery.id)
          .whereIn('id', chunk.map(([id]) => id))
          .update({ sort_order: trx.knexRawQuery(`case id ${cases} end`, chunk.flat()) })
      }
      await Gallery.photosChanged(gallery.id, trx)
      return true
    })
    if (!done) return { ok: false, reason: 'not_in_gallery' }
    await RecordAudit.handle(actor, {
      action: 'gallery.photos_reordered',
      subject: { type: 'gallery', id: gallery.id },
      details: { photos: photoIds.length },
    })
    return { ok: true }
  }
}
