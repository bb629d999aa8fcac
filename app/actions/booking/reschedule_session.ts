import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'
import SessionReschedule from '#models/session_reschedule'
import type { Opening, Refusal } from '#booking/availability'
import { claimChecked, releaseSlot } from '#booking/slot_claims'
import LoadAvailability from '#actions/booking/load_availability'
import RecordAudit from '#actions/audit/record_audit'
import NotifySessionChange from '#actions/booking/notify_session_change'
import { isStudio, type Actor } from '#support/actor'
import { affectedRows } from '#support/db/affected_rows'

export interface RescheduleInput {
  startsAt: DateTime
  /** A photographer, or undefined for any free one. */
  photographerId?: string
  /** Studio only: book even where the rules say no (never the past, never double-booking a photographer). */
  override?: boolean
  reason?: string | null
}

export type RescheduleResult =
  | { ok: true; session: PhotoSession; overridden: Refusal[] }
  | { ok: false; reason: 'outside_window' | 'not_movable' | 'changed_meanwhile' | 'reason_required' }
  | { ok: false; reason: 'refused'; refusal: Refusal; alternatives: Opening[] }

const MOVABLE = ['booked', 'confirmed'] as const

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal)
  }
}

/**
 * Moves a photo session to another time (and maybe photographer) under the same rules as
 * a booking: families only inside the cancellation window, the studio anytime and, with a
 * reason, past the rules. One transaction: the session row is compare-and-set on the start
 * it was read with, its slot claims are released and claimed anew (a lost claim rolls the
 * move back), and a `session_reschedules` row says who moved it, when and why.
 */
export default class RescheduleSession {
  static async handle(actor: Actor, session: PhotoSession, input: RescheduleInput): Promise<RescheduleResult> {
    const settings = await StudioSetting.current()
    const studio = isStudio(actor)
    if (!(MOVABLE as readonly string[]).includes(session.status)) return { ok: false, reason: 'not_movable' }
    if (!studio && !settings.canCancelFreely(session.startsAt)) return { ok: false, reason: 'outside_window' }
    const override = studio && !!input.override
    if (override && !input.reason?.trim()) return { ok: false, reason: 'reason_required' }

    const now = DateTime.now()
    const previous = { startsAt: session.startsAt, photographerId: session.photographerId }
    const date = input.startsAt.setZone(settings.timezone).toISODate()!
    let overridden: Refusal[] = []
    try {
      const moved = await db.transaction(async (trx) => {
        const format = trx.dialect.dateTimeFormat
        const taken = await trx
          .from('photo_sessions')
          .where('id', session.id)
          .whereIn('status', [...MOVABLE])
          .where('starts_at', previous.startsAt.toLocal().toFormat(format))
          .update({ updated_at: now.toLocal().toFormat(format) })
        if (!affectedRows(taken)) return false

        const availability = await LoadAvailability.handle({ from: date, to: date, client: trx, settings, now })
        const check = availability.check(input.startsAt, session.estimatedDuration, {
          photographerId: input.photographerId,
          ignoreSessionId: session.id,
          override,
        })
        if (!check.ok) throw new Refused(check.reason)
        overridden = check.overridden

        await releaseSlot(trx, session.id)
        const claim = await claimChecked(trx, session.id, availability, check, session.estimatedDuration)
        if (!claim.ok) throw new Refused(claim.reason)

        session.useTransaction(trx)
        session.merge({
          startsAt: check.startsAt.toLocal(),
          photographerId: claim.photographerId,
          setNumber: claim.setNumber,
          calendarSequence: session.calendarSequence + 1,
          reminderSentAt: null,
          dayReminderSentAt: null,
        })
        await session.save()
        await SessionReschedule.create(
          {
            photoSessionId: session.id,
            fromStartsAt: previous.startsAt,
            toStartsAt: session.startsAt,
            fromPhotographerId: previous.photographerId,
            toPhotographerId: claim.photographerId,
            actorId: actor.userId,
            actorRole: actor.role,
            overridden: overridden.length > 0,
            reason: input.reason?.trim() || null,
          },
          { client: trx }
        )
        return true
      })
      if (!moved) return { ok: false, reason: 'changed_meanwhile' }
    } catch (error) {
      if (!(error instanceof Refused)) throw error
      await session.refresh()
      const around = await LoadAvailability.handle({
        from: input.startsAt.minus({ days: 14 }).toISODate()!,
        to: input.startsAt.plus({ days: 14 }).toISODate()!,
        settings,
      })
      const alternatives = around.nearest(input.startsAt, session.estimatedDuration, 3, { ignoreSessionId: session.id })
      return { ok: false, reason: 'refused', refusal: error.refusal, alternatives }
    }

    if (studio) {
      await RecordAudit.handle(actor, {
        action: 'photo_session.rescheduled',
        subject: { type: 'photo_session', id: session.id },
        details: { from: previous.startsAt.toISO(), to: session.startsAt.toISO(), overridden, reason: input.reason ?? null },
      })
    }
    await NotifySessionChange.rescheduled(session, previous.startsAt, settings)
    return { ok: true, session, overridden }
  }
}
