import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type PhotoSession from '#models/photo_session'
import type { SessionStatus } from '#models/photo_session'
import type { Actor } from '#support/actor'

export type SessionMove = Exclude<SessionStatus, 'booked'>

export interface SessionMoveOptions {
  actor: Actor
  note?: string | null
  client?: TransactionClientContract
  now?: DateTime
}

/**
 * Booking's one door to PhotoSession's state methods (confirm, checkIn, start, complete,
 * cancel, markNoShow), which write the `session_events` row in their compare-and-set.
 * Returns whether this call made the change; a move the session no longer allows is false.
 */
export function moveSession(session: PhotoSession, to: SessionMove, options: SessionMoveOptions) {
  const change = { actor: options.actor, note: options.note ?? null, client: options.client, now: options.now }
  switch (to) {
    case 'confirmed':
      return session.confirm(change)
    case 'checked_in':
      return session.checkIn(change)
    case 'in_progress':
      return session.start(change)
    case 'completed':
      return session.complete(change)
    case 'cancelled':
      return session.cancel(options.note ?? 'Cancelled', change)
    case 'no_show':
      return session.markNoShow(change)
  }
}
