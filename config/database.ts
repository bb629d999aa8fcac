import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { dirname } from 'node:path'
import { defineConfig } from '@adonisjs/lucid'
import { ensureFolder } from '#support/fs/ensure_folder'

/*
| Tests never touch the development database: under NODE_ENV=test the SQLite file
| and the PostgreSQL database come from TEST_* variables with their own defaults.
*/
const inTest = env.get('NODE_ENV') === 'test'

const sqlitePath = inTest
  ? env.get('TEST_SQLITE_PATH', 'tmp/test.sqlite3')
  : env.get('SQLITE_PATH', 'tmp/loupe.sqlite3')

const pgDatabase = inTest
  ? env.get('TEST_PG_DB_NAME', `${env.get('PG_DB_NAME', 'loupe')}_test`)
  : env.get('PG_DB_NAME', 'loupe')

const migrations = { naturalSort: true, paths: ['database/migrations'] }

const connection = env.get('DB_CONNECTION', 'sqlite')
export const sqliteFile = app.makePath(sqlitePath)
if (connection === 'sqlite') ensureFolder(dirname(sqliteFile))

const dbConfig = defineConfig({
  connection,
  connections: {
    sqlite: {
      client: 'better-sqlite3',
      connection: { filename: sqliteFile },
      useNullAsDefault: true,
      migrations,
      pool: {
        afterCreate: (conn: any, done: (err: Error | null, conn: any) => void) => {
          conn.pragma('foreign_keys = ON')
          conn.pragma('journal_mode = WAL')
          conn.pragma('busy_timeout = 5000')
          done(null, conn)
        },
      },
    },
    pg: {
      client: 'pg',
      connection: {
        host: env.get('PG_HOST', '127.0.0.1'),
        port: env.get('PG_PORT', 5432),
        user: env.get('PG_USER', 'postgres'),
        password: env.get('PG_PASSWORD', ''),
        database: pgDatabase,
      },
      migrations,
    },
  },
})

export default dbConfig
