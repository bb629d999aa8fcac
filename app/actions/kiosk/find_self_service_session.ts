import { DateTime } from 'luxon'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'

/**
 * A family at the self-service tablet: the QR code from its confirmation (the session's
 * check-in token) or its session number typed in full. Only an exact match on today's
 * (not cancelled) sessions: nothing partial, so no family ever sees another's.
 */
export default class FindSelfServiceSession {
  static async handle(code: string, now: DateTime = DateTime.now()) {
    const settings = await StudioSetting.current()
    const value = code.trim()
    if (!value) return null
    return PhotoSession.query()
      .withScopes((scopes) => scopes.onDate(now.setZone(settings.timezone)))
      .whereNot('status', 'cancelled')
      .where((where) => where.where('check_in_token', value).orWhereRaw('UPPER(session_number) = ?', [value.toUpperCase()]))
      .first()
  }
}
