import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export type NumberKind = 'session' | 'order' | 'invoice'

const PREFIXES: Record<NumberKind, string> = { session: 'S', order: 'O', invoice: 'INV' }

/**
 * One statement claims the next values: the upsert inserts the year's first row or
 * increments it, so concurrent callers (even on a brand-new year) never share a number.
 * Same SQL on SQLite (≥ 3.35) and PostgreSQL.
 */
const CLAIM_SQL = `insert into number_sequences (id, kind, year, last_value, created_at, updated_at)
  values (?, ?, ?, ?, current_timestamp, current_timestamp)
  on conflict (kind, year) do update
    set last_value = number_sequences.last_value + excluded.last_value, updated_at = current_timestamp
  returning last_value`

/** The next human number of a kind for this year: `S-2026-000123`, `O-…`, `INV-…`. */
export async function nextNumber(kind: NumberKind, trx?: TransactionClientContract): Promise<string> {
  const [number] = await nextNumbers(kind, 1, trx)
  return number
}

/** The next `count` numbers of a kind, in order, claimed in one statement (a billing run's invoices). */
export async function nextNumbers(kind: NumberKind, count: number, trx?: TransactionClientContract): Promise<string[]> {
  if (count < 1) return []
  const year = DateTime.now().year
  const result = await (trx ?? db).rawQuery(CLAIM_SQL, [randomUUID(), kind, year, count])
  const rows: { last_value: number | string }[] = Array.isArray(result) ? result : result.rows
  const last = Number(rows[0].last_value)
  return Array.from({ length: count }, (_, n) => `${PREFIXES[kind]}-${year}-${String(last - count + 1 + n).padStart(6, '0')}`)
}
