import db from '@adonisjs/lucid/services/db'

/** The schema's own, and the board stamps' clock (it only ever rises: migration 0795). */
const KEEP = new Set(['adonis_schema', 'adonis_schema_versions', 'board_clock'])

/**
 * Empties every table after each test, for tests that need real connections (concurrency,
 * code with its own transactions). Lucid's `testUtils.db().truncate()` truncates tables in
 * parallel, which deadlocks on PostgreSQL and trips foreign keys on SQLite: this does it in
 * one statement there, and with foreign keys off here.
 *   group.each.setup(() => truncateAfterEach)
 */
export async function truncateAfterEach() {
  const client = db.connection()
  const postgres = client.dialect.name === 'postgres'
  const tables = (await client.getAllTables(postgres ? ['public'] : undefined)).filter((table) => !KEEP.has(table))
  if (postgres) {
    const sql = `TRUNCATE ${tables.map((table) => `"${table}"`).join(', ')} RESTART IDENTITY CASCADE`
    // A late write of the test's own (a job finishing) can deadlock with the many-table lock:
    // PostgreSQL aborts one side, and the truncate is safe to run again.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.rawQuery(sql)
        return
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt === 3) throw error
      }
    }
  }
  await client.rawQuery('PRAGMA foreign_keys = OFF')
  try {
    for (const table of tables) await client.from(table).delete()
  } finally {
    await client.rawQuery('PRAGMA foreign_keys = ON')
  }
}
