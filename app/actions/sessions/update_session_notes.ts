import type PhotoSession from '#models/photo_session'
import RecordAudit from '#actions/audit/record_audit'
import type { Actor } from '#support/actor'

export interface SessionNotesInput {
  preparationNotes?: string
  stylingNotes?: string
  photographerNotes?: string
  completionNotes?: string
}

/** The studio's notes on a session: preparation, styling, the photographer's, completion. */
export default class UpdateSessionNotes {
  static async handle(actor: Actor, session: PhotoSession, input: SessionNotesInput) {
    session.merge({
      preparationNotes: input.preparationNotes || null,
      stylingNotes: input.stylingNotes || null,
      photographerNotes: input.photographerNotes || null,
      completionNotes: input.completionNotes || null,
    })
    const changed = Object.keys(session.$dirty)
    await session.save()
    if (changed.length) {
      await RecordAudit.handle(actor, { action: 'photo_session.notes_updated', subject: { type: 'photo_session', id: session.id }, details: { changed } })
    }
    return session
  }
}
