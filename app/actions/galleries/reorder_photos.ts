import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type Gallery from '#models/gallery'
import RecordAudit from '#actions/audit/record_audit'
import { fieldError } from '#services/http/field_error'

const CHUNK = 200

/**
 * Saves the order the studio dragged the photos into. Photos missing from the list (an
 * upload that finished meanwhile) keep their relative order after the listed ones; an
 * id that is not a photo of this gallery rejects the whole request.
 */
export default class ReorderPhotos {
  static async handle(ctx: HttpContext | null, gallery: Gallery, photoIds: string[]) {
    await db.transaction(async (trx) => {
      const current = await trx
        .from('photos')
        .where('gallery_id', gallery.id)
        .whereNull('deleted_at')
        .orderBy('sort_order')
        .orderBy('created_at')
        .select('id', 'sort_order')
      const known = new Map<string, number>(current.map((row) => [row.id, Number(row.sort_order)]))
      if (photoIds.some((id) => !known.has(id))) throw fieldError('photoIds', 'Some of these photos are not in this gallery')

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
    })
    await RecordAudit.handle(ctx, {
      action: 'gallery.photos_reordered',
      subject: { type: 'gallery', id: gallery.id },
      details: { photos: photoIds.length },
    })
  }
}
