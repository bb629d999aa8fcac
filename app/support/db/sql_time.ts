import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'

/**
 * A timestamp for raw queries, formatted the way Lucid writes DateTime columns on the
 * current connection (SQLite stores text; a JS Date would be stored as a number there).
 */
export function sqlTime(value: DateTime = DateTime.now()) {
  return value.toFormat(db.connection().dialect.dateTimeFormat)
}
