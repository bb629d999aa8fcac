import { column } from '@adonisjs/lucid/orm'

/**
 * A JSON column that reads and writes the same on SQLite (text) and PostgreSQL (json).
 * For data never queried by field.
 */
export function jsonColumn(options: { serializeAs?: string | null } = {}) {
  return column({
    ...options,
    prepare: (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value)),
    consume: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value),
  })
}
