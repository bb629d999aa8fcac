import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'
import { boardEvents } from '#services/kiosk/board_events'

export interface BoardFingerprintResult {
  key: string
  today: DateTime
}

let last: { at: number; fingerprint: Promise<BoardFingerprintResult> } | null = null
// A check-in, a started shoot or a signed release is announced to every tablet: the next poll reads afresh.
boardEvents.subscribe(() => (last = null))

/**
 * What today's board depends on, in one indexed query: how many sessions the day has and
 * the sum of their board stamps (a trigger gives a session a fresh, higher stamp whenever
 * anything on its card changes, wherever the change came from, so any change raises the sum
 * or moves the count). With the minute (late is a matter of time) it keys the rendered
 * board: same fingerprint, same board.
 *
 * Every tablet polls it, so a process reads it at most once per `checkMs` (KIOSK_BOARD_CHECK_MS,
 * default 1 s), and again at once after a board event; a change nobody announces (an admin's
 * edit) reaches the tablets within that second, inside the 2 s the board promises.
 */
export default class BoardFingerprint {
  static checkMs = env.get('KIOSK_BOARD_CHECK_MS', 1000)

  static handle(now: DateTime = DateTime.now()): Promise<BoardFingerprintResult> {
    const at = now.toMillis()
    if (last && at - last.at >= 0 && at - last.at < this.checkMs) return last.fingerprint
    const fingerprint = read(now)
    last = { at, fingerprint }
    fingerprint.catch(() => (last = null))
    return fingerprint
  }

  static forget() {
    last = null
  }
}

async function read(now: DateTime): Promise<BoardFingerprintResult> {
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
