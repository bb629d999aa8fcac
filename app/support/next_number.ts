import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export type NumberKind = 'session' | 'order' | 'invoice'

const PREFIXES: Record<NumberKind, string> = { session: 'S', order: 'O', invoice: 'INV' }

/**
 * One statement claims the next value: the upsert inserts the year's first row or
 * increments it, so concurrent callers (even on a brand-new year) never share a number.
 * Same SQL on SQLite (≥ 3.35) and PostgreSQL.
 */
const CLAIM_SQL = `insert into number_sequences (id, kind, year, last_value, created_at, updated_at)
  values (?, ?, ?, 1, current_timestamp, current_timestamp)
  on conflict (kind, year) do update
    set last_value = number_sequences.last_value + 1, updated_at = current_timestamp
  returning last_value`

/** The next human number of a kind for this year: `S-2026-000123`, `O-…`, `INV-…`. */
export async function nextNumber(kind: NumberKind, trx?: TransactionClientContract): Promise<string> {
  const year = DateTime.now().year
  const result = await (trx ?? db).rawQuery(CLAIM_SQL, [randomUUID(), kind, year])
  const rows: { last_value: number | string }[] = Array.isArray(result) ? result : result.rows
  const value = Number(rows[0].last_value)
  return `${PREFIXES[kind]}-${year}-${String(value).padStart(6, '0')}`
}
