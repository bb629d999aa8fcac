import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import StudioSetting from '#models/studio_setting'

/**
 * What today's board depends on, in one query: how many rows and their latest change, for
 * the day's sessions and their children, contracts, model releases and payment plans. With the minute
 * (late is a matter of time) it keys the rendered board: same fingerprint, same board.
 */
export default class BoardFingerprint {
  static async handle(now: DateTime = DateTime.now()) {
    const settings = await StudioSetting.current()
    const local = now.setZone(settings.timezone)
    const format = db.connection().dialect.dateTimeFormat
    const from = local.startOf('day').toLocal().toFormat(format)
    const to = local.startOf('day').plus({ days: 1 }).toLocal().toFormat(format)
    const today = 'select id from today'
    const row = await db
      .query()
      // The day's sessions are looked up once (a CTE), not once per sub-select.
      .with('today', (query) => query.from('photo_sessions').select('id', 'updated_at').where('starts_at', '>=', from).where('starts_at', '<', to))
      .select(
        db.raw(`(select count(*) from today) as sessions`),
        db.raw(`(select max(updated_at) from today) as sessions_at`),
        // Timestamps have one-second resolution: every status change also adds an event, every payment a row.
        db.raw(`(select count(*) from session_events where photo_session_id in (${today})) as events`),
        db.raw(`(select count(*) from payments where photo_session_id in (${today})) as payments`),
        db.raw(`(select count(*) from session_children where photo_session_id in (${today})) as links`),
        db.raw(`(select max(updated_at) from session_children where photo_session_id in (${today})) as links_at`),
        db.raw(`(select max(c.updated_at) from children c join session_children sc on sc.child_id = c.id where sc.photo_session_id in (${today})) as children_at`),
        db.raw(`(select count(*) from contracts where photo_session_id in (${today})) as contracts`),
        db.raw(`(select max(updated_at) from contracts where photo_session_id in (${today})) as contracts_at`),
        db.raw(`(select max(updated_at) from payment_plans where photo_session_id in (${today})) as plans_at`),
        db.raw(`(select count(*) from model_releases where photo_session_id in (${today})) as releases`)
      )
      .first()
    return { key: `${local.toFormat('yyyy-MM-dd HH:mm')}|${Object.values(row ?? {}).map(String).join('|')}`, today: local }
  }
}
