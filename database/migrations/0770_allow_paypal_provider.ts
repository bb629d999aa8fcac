import { BaseSchema } from '@adonisjs/lucid/schema'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * payments.provider and subscriptions.provider were enums of ['stripe', 'offline'].
 * PostgreSQL: knex enums are `<table>_provider_check` constraints, dropped and re-added.
 * SQLite: the CHECK lives in the CREATE TABLE text, and knex's `.alter()` keeps the old CHECK
 * next to the new one, so the table is rebuilt by hand the way SQLite documents it (new table
 * from the edited CREATE, copy, drop, rename, indexes back, foreign_key_check).
 */
const TABLES = ['payments', 'subscriptions'] as const

export default class extends BaseSchema {
  // foreign_keys can only be switched off outside a transaction; with it on, dropping the old
  // payments table would trip refunds' and invoices' foreign keys.
  static disableTransactions = true

  async up() {
    this.defer((db) => this.widen(db, ['stripe', 'offline', 'paypal']))
  }

  async down() {
    this.defer(async (db) => {
      for (const table of TABLES) await db.from(table).where('provider', 'paypal').update({ provider: 'offline' })
      await this.widen(db, ['stripe', 'offline'])
    })
  }

  private async widen(db: QueryClientContract, values: string[]) {
    const list = values.map((value) => `'${value}'`).join(', ')
    for (const table of TABLES) {
      if (db.dialect.name === 'postgres') {
        await db.rawQuery(`alter table "${table}" drop constraint if exists "${table}_provider_check"`)
        await db.rawQuery(`alter table "${table}" add constraint "${table}_provider_check" check ("provider" in (${list}))`)
      } else {
        await rebuildSqlite(db, table, `CHECK (\`provider\` in(${list}))`)
      }
    }
  }
}

async function rebuildSqlite(db: QueryClientContract, table: string, check: string) {
  const rows = await db.rawQuery(`select type, name, sql from sqlite_master where tbl_name = ? and sql is not null`, [table])
  const create = rows.find((row: { type: string }) => row.type === 'table').sql as string
  const edited = create
    .replace(/CHECK \(`provider` in\s*\([^)]*\)\)/i, check)
    .replace(/^CREATE TABLE [`"]?\w+[`"]?/i, `CREATE TABLE "${table}_rebuild"`)
  if (edited === create || !edited.includes(check)) throw new Error(`${table}: provider CHECK not found`)
  const indexes = rows.filter((row: { type: string }) => row.type === 'index').map((row: { sql: string }) => row.sql)
  await db.rawQuery('PRAGMA foreign_keys = OFF')
  try {
    await db.rawQuery(edited)
    await db.rawQuery(`insert into "${table}_rebuild" select * from "${table}"`)
    await db.rawQuery(`drop table "${table}"`)
    await db.rawQuery(`alter table "${table}_rebuild" rename to "${table}"`)
    for (const sql of indexes) await db.rawQuery(sql)
    const broken = await db.rawQuery('PRAGMA foreign_key_check')
    if (broken.length) throw new Error(`${table}: foreign keys broken by the rebuild`)
  } finally {
    await db.rawQuery('PRAGMA foreign_keys = ON')
  }
}
