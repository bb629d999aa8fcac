import SessionChild from '#models/session_child'

/** Ticks (or unticks) a child's styling on a session at the desk. */
export default class MarkStyling {
  static async handle(sessionId: string, childId: string, done: boolean) {
    const row = await SessionChild.query().where('photo_session_id', sessionId).where('child_id', childId).first()
    if (!row) return false
    row.completedStyling = done
    await row.save()
    return true
  }
}
