import type { DateTime } from 'luxon'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'

/**
 * Lucid converts DateTime only when saving models, not in `where` bindings: format it
 * the way the connection stores timestamps (SQLite keeps them as text).
 */
export function dbDateTime(query: ModelQueryBuilderContract<any>, value: DateTime) {
  return value.toFormat(query.client.dialect.dateTimeFormat)
}
