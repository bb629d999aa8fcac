import db from '@adonisjs/lucid/services/db'
import type PhotoSession from '#models/photo_session'
import type { SessionMove } from '#actions/booking/session_status'
import { moveSession } from '#actions/booking/session_status'
import CancelSession from '#actions/booking/cancel_session'
import { releaseSlot } from '#booking/slot_claims'
import RecordAudit from '#actions/audit/record_audit'
import DraftBalanceInvoice from '#actions/invoices/draft_balance_invoice'
import type { Actor } from '#support/actor'

export type ChangeStatusResult = { ok: true } | { ok: false; reason: 'not_allowed' | 'reason_required' }

/**
 * The studio moves a session along booked → confirmed → checked_in → in_progress →
 * completed, or to cancelled / no_show: each through the model's one state method (with
 * its `session_events` row). A cancellation goes through CancelSession (slot freed,
 * family told); a no-show gives its slot back too; a completed session with a balance
 * left gets a draft balance invoice.
 */
export default class ChangeSessionStatus {
  static async handle(actor: Actor, session: PhotoSession, to: SessionMove, note?: string | null): Promise<ChangeStatusResult> {
    if (to === 'cancelled') {
      if (!note) return { ok: false, reason: 'reason_required' }
      const result = await CancelSession.handle(actor, session, note)
      return result.ok ? { ok: true } : { ok: false, reason: 'not_allowed' }
    }
    const from = session.status
    const moved = await db.transaction(async (trx) => {
      if (!(await moveSession(session, to, { actor, note, client: trx }))) return false
      if (to === 'no_show') await releaseSlot(trx, session.id)
      if (to === 'completed') await DraftBalanceInvoice.handle(session, trx)
      return true
    })
    if (!moved) return { ok: false, reason: 'not_allowed' }
    await RecordAudit.handle(actor, {
      action: 'photo_session.status_changed',
      subject: { type: 'photo_session', id: session.id },
      details: { from, to, note: note ?? null },
    })
    return { ok: true }
  }
}
