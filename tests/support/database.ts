import pg from 'pg'
import { mkdirSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import dbConfig from '#config/database'

/**
 * Tests own their database: a separate SQLite file, or a PostgreSQL database
 * created here when missing. The runner migrates it and rolls it back afterwards.
 */
export async function ensureTestDatabase() {
  if (env.get('DB_CONNECTION', 'sqlite') !== 'pg') {
    mkdirSync(app.tmpPath(), { recursive: true })
    return
  }
  const connection = (dbConfig.connections.pg as any).connection
  const client = new pg.Client({ ...connection, database: 'postgres' })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [connection.database])
    if (!rowCount) await client.query(`create database "${connection.database.replace(/"/g, '')}"`)
  } finally {
    await client.end()
  }
}
