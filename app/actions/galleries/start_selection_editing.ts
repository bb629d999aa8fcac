import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Gallery from '#models/gallery'
import RecordAudit from '#actions/audit/record_audit'
import { sqlTime } from '#support/db/sql_time'
import type { Actor } from '#support/actor'

export type StartSelectionEditingResult = { ok: true } | { ok: false; reason: 'not_submitted' | 'already_started' }

/** The studio starts editing the submitted selection: from now on only the studio can reopen it. */
export default class StartSelectionEditing {
  static async handle(actor: Actor, gallery: Gallery, now = DateTime.now()): Promise<StartSelectionEditingResult> {
    if (!gallery.selectionSubmittedAt) return { ok: false, reason: 'not_submitted' }
    const changed = await db
      .from('galleries')
      .where('id', gallery.id)
      .whereNotNull('selection_submitted_at')
      .whereNull('selection_editing_started_at')
      .update({ selection_editing_started_at: sqlTime(now), updated_at: sqlTime(now) })
    if (Number(changed) !== 1) return { ok: false, reason: gallery.selectionEditingStartedAt ? 'already_started' : 'not_submitted' }
    gallery.selectionEditingStartedAt = now
    await RecordAudit.handle(actor, { action: 'gallery.selection_editing_started', subject: { type: 'gallery', id: gallery.id } })
    return { ok: true }
  }
}
