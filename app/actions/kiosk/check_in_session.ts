import PhotoSession from '#models/photo_session'
import { boardEvents } from '#services/kiosk/board_events'
import type { Actor } from '#support/actor'

export type CheckInResult =
  | { ok: true; session: PhotoSession; alreadyCheckedIn: boolean }
  | { ok: false; reason: 'not_found' | 'not_allowed'; session?: PhotoSession }

const PAST_CHECK_IN = ['checked_in', 'in_progress', 'completed']

/**
 * One tap checks a family in. The state machine's compare-and-set lets exactly one of two
 * taps (or two tablets) win; the loser, or a replay of the same tap, finds the session
 * already checked in and answers the same, so a retry never records twice. The actor
 * carries the staff member and the tablet; `session_events` keeps both.
 */
export default class CheckInSession {
  static async handle(actor: Actor, sessionId: string, options: { note?: string | null } = {}): Promise<CheckInResult> {
    // The move first (one statement): a session is read apart only when it didn't move.
    const checkedIn = await PhotoSession.checkInById(sessionId, { actor, note: options.note ?? null })
    if (checkedIn) {
      await boardEvents.publish({ sessionId: checkedIn.id, status: checkedIn.status })
      return { ok: true, session: checkedIn, alreadyCheckedIn: false }
    }
    const session = await PhotoSession.find(sessionId)
    if (!session) return { ok: false, reason: 'not_found' }
    if (PAST_CHECK_IN.includes(session.status)) return { ok: true, session, alreadyCheckedIn: true }
    return { ok: false, reason: 'not_allowed', session }
  }
}
