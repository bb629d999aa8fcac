import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import { affectedRows } from '#support/db/affected_rows'
import { sqlTime } from '#support/db/sql_time'
import { uniqueViolationColumn } from '#support/db/unique_violation'

/**
 * A share-link visitor (let in without an email) gives one at the email step: their own
 * row takes it, so they stay one visitor. When the gallery already knows that email (the
 * same person came in by the code before), the email-less row is merged into that one:
 * its passes (this browser), hearts and downloads move over and it is deleted. The unique
 * (gallery_id, email) index is the race guard: of two rows claiming an email, the loser merges.
 */
export default class NameGalleryVisitor {
  static async handle(gallery: Gallery, visitor: GalleryVisitor, email: string): Promise<GalleryVisitor> {
    const normalized = email.trim().toLowerCase()
    if (visitor.email) return visitor
    if (await this.claim(visitor.id, normalized)) return GalleryVisitor.findOrFail(visitor.id)
    const self = await GalleryVisitor.find(visitor.id)
    if (self?.email) return self // another email step named this row first
    const known = await GalleryVisitor.forEmail(gallery, normalized)
    await db.transaction((trx) => this.merge(visitor.id, known.id, trx))
    await GalleryVisitor.favoritesChanged(known.id)
    return known.refresh()
  }

  /** Sets the email on the still email-less row; false when another row holds it or the row was named already. */
  private static async claim(visitorId: string, email: string) {
    try {
      return await db.transaction(async (trx) => {
        const result = await trx.from('gallery_visitors').where('id', visitorId).whereNull('email').update({ email, updated_at: sqlTime(DateTime.now()) })
        return affectedRows(result) === 1
      })
    } catch (error) {
      if (!uniqueViolationColumn(error, ['email'])) throw error
      return false
    }
  }

  private static async merge(fromId: string, intoId: string, trx: TransactionClientContract) {
    const from = await trx.from('gallery_visitors').where('id', fromId).forUpdate().first()
    if (!from) return
    const keptHearts = trx.from('photo_favorites').where('gallery_visitor_id', intoId).select('photo_id')
    await trx.from('photo_favorites').where('gallery_visitor_id', fromId).whereIn('photo_id', keptHearts).delete()
    await trx.from('photo_favorites').where('gallery_visitor_id', fromId).update({ gallery_visitor_id: intoId })
    await trx.from('downloads').where('gallery_visitor_id', fromId).update({ gallery_visitor_id: intoId })
    await trx.from('gallery_visitor_passes').where('gallery_visitor_id', fromId).update({ gallery_visitor_id: intoId })
    await trx.from('gallery_visitors').where('id', intoId).increment('view_count', Number(from.view_count ?? 0))
    await trx.from('gallery_visitors').where('id', fromId).delete()
  }
}
