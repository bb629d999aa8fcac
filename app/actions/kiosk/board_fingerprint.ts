import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'

/**
 * What today's board depends on, in one indexed query: how many sessions the day has and
 * the sum of their board stamps (a trigger gives a session a fresh, higher stamp whenever
 * anything on its card changes, wherever the change came from, so any change raises the sum
 * or moves the count). With the minute (late is a matter of time) it keys the rendered
 * board: same fingerprint, same board.
 */
export default class BoardFingerprint {
  static async handle(now: DateTime = DateTime.now()) {
    const local = now.setZone(await StudioSetting.zone())
    const query = PhotoSession.query()
    const id = query.client.dialect.name === 'postgres' ? 'id::text' : 'id'
    const row = await query
      .withScopes((scopes) => scopes.onDate(local))
      .count('* as sessions')
      .sum('board_stamp as stamps')
      .max('board_stamp as latest')
      // A database rolled back or restored under a running process repeats stamps: the ids tell those days apart.
      .select(db.raw(`min(${id}) as first, max(${id}) as last`))
      .pojo<Record<string, unknown>>()
      .first()
    return { key: [local.toFormat('yyyy-MM-dd HH:mm'), ...Object.values(row ?? {}).map(String)].join('|'), today: local }
  }
}
