import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'

/**
 * The SQL (with placeholders, not values) the app runs until `stop()`: two requests that
 * do the same work run the same statements. Works inside the per-test global transaction.
 */
export function recordQueries() {
  const client = db.connection() as unknown as { debug: boolean }
  const debug = client.debug
  client.debug = true
  const sql: string[] = []
  const listener = (query: { sql: string }) => sql.push(query.sql)
  emitter.on('db:query', listener)
  return {
    sql,
    stop() {
      client.debug = debug
      emitter.off('db:query', listener)
    },
  }
}
