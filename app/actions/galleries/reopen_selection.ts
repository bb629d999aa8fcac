import db from '@adonisjs/lucid/services/db'
import type Gallery from '#models/gallery'
import RecordAudit from '#actions/audit/record_audit'
import { sqlTime } from '#support/db/sql_time'
import type { Actor } from '#support/actor'

export type ReopenSelectionResult = { ok: true } | { ok: false; reason: 'not_submitted' | 'editing_started' }

/**
 * The submitted selection opens again: the family changes its favourites and sends it
 * anew. The family may until the studio starts editing (`by: 'family'`); the studio may
 * always (`by: 'studio'`, "Unlock"), which also clears its editing mark. One conditional
 * UPDATE, so a reopen racing "start editing" can't both win.
 */
export default class ReopenSelection {
  static async handle(actor: Actor, gallery: Gallery, by: 'family' | 'studio'): Promise<ReopenSelectionResult> {
    if (!gallery.selectionSubmittedAt) return { ok: false, reason: 'not_submitted' }
    const query = db.from('galleries').where('id', gallery.id).whereNotNull('selection_submitted_at')
    if (by === 'family') query.whereNull('selection_editing_started_at')
    const changed = await query.update({ selection_submitted_at: null, selection_visitor_id: null, selection_editing_started_at: null, updated_at: sqlTime() })
    if (Number(changed) !== 1) return { ok: false, reason: gallery.selectionEditingStartedAt ? 'editing_started' : 'not_submitted' }
    gallery.selectionSubmittedAt = null
    gallery.selectionVisitorId = null
    gallery.selectionEditingStartedAt = null
    if (by === 'studio') await RecordAudit.handle(actor, { action: 'gallery.selection_unlocked', subject: { type: 'gallery', id: gallery.id } })
    return { ok: true }
  }
}
