import type { SessionStatus } from '#models/photo_session'
import type { SessionMove } from '#actions/booking/session_status'

/** The buttons of a session page, in the order a session goes. */
export const SESSION_MOVE_LABELS: Record<SessionMove, string> = {
  confirmed: 'Confirm',
  checked_in: 'Check in',
  in_progress: 'Start',
  completed: 'Complete',
  no_show: 'No-show',
  cancelled: 'Cancel',
}

/** The moves the session's state machine allows (booked → confirmed → checked_in → in_progress → completed; cancelled, no_show). */
const ALLOWED: Record<SessionStatus, readonly SessionStatus[]> = {
  booked: ['confirmed', 'checked_in', 'cancelled', 'no_show'],
  confirmed: ['checked_in', 'cancelled', 'no_show'],
  checked_in: ['in_progress', 'cancelled'],
  in_progress: ['completed'],
  completed: [],
  cancelled: [],
  no_show: [],
}

/** Which buttons to show; the model has the last word when one is pressed. */
export function canTransitionSession(from: SessionStatus, to: SessionMove) {
  return ALLOWED[from].includes(to)
}
