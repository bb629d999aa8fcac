import { AssertionError } from 'node:assert'
import db from '@adonisjs/lucid/services/db'

export type ConstraintKind = 'unique' | 'foreign_key' | 'not_null' | 'check'

/** The error codes each database gives a violation (better-sqlite3 extended codes, PostgreSQL SQLSTATE). */
const CODES: Record<ConstraintKind, string[]> = {
  unique: ['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'],
  foreign_key: ['23503', 'SQLITE_CONSTRAINT_FOREIGNKEY'],
  not_null: ['23502', 'SQLITE_CONSTRAINT_NOTNULL'],
  check: ['23514', 'SQLITE_CONSTRAINT_CHECK'],
}

/** The kind of violation an error is, if it is one. */
function kindOf(error: unknown): ConstraintKind | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  // SQLite refuses deleting a row still referenced (ON DELETE RESTRICT) from a trigger.
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' && /FOREIGN KEY constraint failed/.test(String(message))) {
    return 'foreign_key'
  }
  const kinds = Object.keys(CODES) as ConstraintKind[]
  return kinds.find((kind) => typeof code === 'string' && CODES[kind].includes(code)) ?? null
}

/**
 * Asserts that `work` is refused by a database constraint of the given kind, on SQLite and
 * PostgreSQL alike. Inside a test's global transaction the work runs in its own savepoint,
 * rolled back after the violation, so on PostgreSQL the failed statement does not abort the
 * test's transaction (after which every later statement fails, and every later `rejects`
 * passes whatever the code did). For the duration of the work the savepoint stands in for
 * the global transaction, so factories, models and `db` all run inside it.
 *
 *   await assertViolates(() => GalleryFactory.merge({ slug: taken }).create(), 'unique')
 */
export async function assertViolates(work: () => Promise<unknown>, kind: ConstraintKind) {
  const error = await refusalOf(work)
  if (error === undefined) {
    throw new AssertionError({ message: `Expected a ${kind} constraint violation, but nothing was refused` })
  }
  if (kindOf(error) !== kind) {
    const code = (error as { code?: unknown }).code
    const message = error instanceof Error ? error.message : String(error)
    throw new AssertionError({
      message: `Expected a ${kind} constraint violation, got ${String(code ?? 'no code')}: ${message}`,
    })
  }
}

async function refusalOf(work: () => Promise<unknown>) {
  const name = db.primaryConnectionName
  const global = db.connectionGlobalTransactions.get(name)
  try {
    // Without a global transaction each statement commits on its own: nothing to protect.
    if (!global) await work()
    else {
      await global.transaction(async (savepoint) => {
        db.connectionGlobalTransactions.set(name, savepoint)
        try {
          await work()
        } finally {
          db.connectionGlobalTransactions.set(name, global)
        }
      })
    }
  } catch (error) {
    return error ?? new Error('rejected without a reason')
  }
  return undefined
}
