import db from '@adonisjs/lucid/services/db'
import type PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'
import PaymentPlan from '#models/payment_plan'
import Payment from '#models/payment'
import { releaseSlot } from '#booking/slot_claims'
import { moveSession } from '#actions/booking/session_status'
import RecordAudit from '#actions/audit/record_audit'
import NotifySessionChange from '#actions/booking/notify_session_change'
import { isStudio, type Actor } from '#support/actor'

export type CancelSessionResult =
  | { ok: true; session: PhotoSession }
  | { ok: false; reason: 'outside_window' | 'not_cancellable' }

/**
 * Cancels a photo session: families inside the studio's cancellation window, the studio
 * anytime. In one transaction the status changes (with its `session_events` row: who,
 * when, why), its slot claims go (the slot is free at once), an active plan stops and a
 * payment still waiting at the desk is closed. Then the family gets the cancellation
 * (with an .ics that removes the event).
 */
export default class CancelSession {
  static async handle(actor: Actor, session: PhotoSession, reason: string): Promise<CancelSessionResult> {
    const settings = await StudioSetting.current()
    const studio = isStudio(actor)
    if (!session.isOpen || session.status === 'in_progress') return { ok: false, reason: 'not_cancellable' }
    if (!studio && !settings.canCancelFreely(session.startsAt)) return { ok: false, reason: 'outside_window' }

    const cancelled = await db.transaction(async (trx) => {
      if (!(await moveSession(session, 'cancelled', { actor, note: reason, client: trx }))) return false
      session.useTransaction(trx)
      session.cancelledBy = actor.userId
      session.calendarSequence += 1
      await session.save()
      await releaseSlot(trx, session.id)
      for (const plan of await PaymentPlan.query({ client: trx }).where('photo_session_id', session.id).whereIn('status', ['active', 'past_due'])) {
        await plan.cancel({ actor, client: trx })
      }
      const waiting = await Payment.query({ client: trx }).where('photo_session_id', session.id).where('status', 'pending')
      for (const payment of waiting) await payment.markFailed('session_cancelled', 'The session was cancelled before it was paid.', { actor, client: trx })
      return true
    })
    if (!cancelled) return { ok: false, reason: 'not_cancellable' }

    if (studio) {
      await RecordAudit.handle(actor, {
        action: 'photo_session.cancelled',
        subject: { type: 'photo_session', id: session.id },
        details: { number: session.sessionNumber, reason },
      })
    }
    await NotifySessionChange.cancelled(session, reason, settings)
    return { ok: true, session }
  }
}
