import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { uniqueViolationColumn } from '#support/db/unique_violation'
import type { Availability, CheckResult } from '#booking/availability'

/**
 * The constraint-based guard behind "the last slot goes to exactly one family", across
 * processes and on SQLite and PostgreSQL alike: a session inserts one `slot_claims` row per
 * 5-minute cell it blocks, for its photographer and for one of the studio's parallel sets,
 * plus one row for its place in the day's maximum. `claim_key` is unique, so of two
 * transactions wanting the same cell the second gets a unique violation (PostgreSQL makes
 * it wait for the first to commit). Each attempt runs in a savepoint, so a lost attempt
 * moves on to the next set or photographer inside the same transaction.
 */

export const CELL_MINUTES = 5

export interface ClaimRequest {
  sessionId: string
  /** The blocked interval: the session with its buffers. */
  blockedFrom: DateTime
  blockedUntil: DateTime
  /** In order of preference; empty when the studio books without photographers. */
  photographerIds: string[]
  /** Set numbers to try, in order. */
  setNumbers: number[]
  /** The studio date and its maximum, when there is one (ordinals beyond it only with `overflowDay`). */
  day: { date: string; max: number } | null
  overflowDay?: boolean
}

export type ClaimResult =
  | { ok: true; photographerId: string | null; setNumber: number }
  | { ok: false; reason: 'photographer_busy' | 'full' | 'day_full' }

class ClaimFailed extends Error {
  constructor(readonly result: Extract<ClaimResult, { ok: false }>) {
    super(result.reason)
  }
}

/** All of it or nothing: a refused claim leaves no row behind (its savepoint is rolled back). */
export async function claimSlot(trx: TransactionClientContract, request: ClaimRequest): Promise<ClaimResult> {
  try {
    return await trx.transaction(async (savepoint) => {
      const result = await claimAll(savepoint, request)
      if (!result.ok) throw new ClaimFailed(result)
      return result
    })
  } catch (error) {
    if (error instanceof ClaimFailed) return error.result
    throw error
  }
}

async function claimAll(trx: TransactionClientContract, request: ClaimRequest): Promise<ClaimResult> {
  if (request.day && !(await claimDayPlace(trx, request))) return { ok: false, reason: 'day_full' }

  let photographerId: string | null = null
  if (request.photographerIds.length) {
    for (const candidate of request.photographerIds) {
      if (await tryInsert(trx, request.sessionId, cellKeys(`photographer:${candidate}`, request))) {
        photographerId = candidate
        break
      }
    }
    if (!photographerId) return { ok: false, reason: 'photographer_busy' }
  }

  for (const setNumber of request.setNumbers) {
    if (await tryInsert(trx, request.sessionId, cellKeys(`set:${setNumber}`, request))) {
      return { ok: true, photographerId, setNumber }
    }
  }
  return { ok: false, reason: 'full' }
}

/**
 * Claims what an accepted availability check offered: its photographers and sets in
 * order, the session's blocked time (buffers included), and a place in the day when the
 * studio has a daily maximum (beyond it only when an admin overrode `day_full`).
 */
export function claimChecked(
  trx: TransactionClientContract,
  sessionId: string,
  availability: Availability,
  check: Extract<CheckResult, { ok: true }>,
  durationMinutes: number
) {
  const blocked = availability.blockedOf(check.startsAt, durationMinutes)
  const max = availability.rules.maxSessionsPerDay
  return claimSlot(trx, {
    sessionId,
    blockedFrom: DateTime.fromMillis(blocked.start),
    blockedUntil: DateTime.fromMillis(blocked.end),
    photographerIds: check.photographerIds,
    setNumbers: check.setNumbers,
    day: max === null ? null : { date: check.startsAt.setZone(availability.zone).toISODate()!, max },
    overflowDay: check.overridden.includes('day_full'),
  })
}

/** Frees everything a session holds (cancelled, moved, or about to be claimed anew). */
export async function releaseSlot(trx: TransactionClientContract, sessionId: string) {
  await trx.from('slot_claims').where('photo_session_id', sessionId).delete()
}

/** The lowest free place in the day (1 … max); retried when another booking took it first. */
async function claimDayPlace(trx: TransactionClientContract, request: ClaimRequest) {
  const { date, max } = request.day!
  const limit = request.overflowDay ? max + 1000 : max
  for (let attempt = 0; attempt < 50; attempt++) {
    const rows = await trx.from('slot_claims').whereLike('claim_key', `day:${date}#%`).select('claim_key')
    const taken = new Set(rows.map((row) => Number(String(row.claim_key).split('#')[1])))
    let place = 1
    while (taken.has(place)) place++
    if (place > limit) return false
    if (await tryInsert(trx, request.sessionId, [`day:${date}#${place}`])) return true
  }
  return false
}

function cellKeys(resource: string, request: ClaimRequest) {
  const cell = CELL_MINUTES * 60_000
  const from = Math.floor(request.blockedFrom.toMillis() / cell) * cell
  const until = Math.ceil(request.blockedUntil.toMillis() / cell) * cell
  const keys: string[] = []
  for (let at = from; at < until; at += cell) {
    keys.push(`${resource}@${DateTime.fromMillis(at, { zone: 'utc' }).toFormat('yyyyMMddHHmm')}`)
  }
  return keys
}

/** Inserts the keys in one statement inside a savepoint; false when any is already held. */
async function tryInsert(trx: TransactionClientContract, sessionId: string, keys: string[]) {
  const createdAt = DateTime.now().toLocal().toFormat(trx.dialect.dateTimeFormat)
  const rows = keys.map((key) => ({ id: randomUUID(), photo_session_id: sessionId, claim_key: key, created_at: createdAt }))
  try {
    await trx.transaction(async (savepoint) => {
      await savepoint.table('slot_claims').multiInsert(rows)
    })
    return true
  } catch (error) {
    if (uniqueViolationColumn(error, ['claim_key']) || (error as { code?: string }).code === '40P01') return false
    throw error
  }
}
