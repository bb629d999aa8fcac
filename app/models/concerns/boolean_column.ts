import { column } from '@adonisjs/lucid/orm'

/** SQLite stores booleans as 0/1; this reads them as true/false on both databases. */
export function booleanColumn(options: { serializeAs?: string | null } = {}) {
  return column({
    ...options,
    consume: (value: unknown) => (value === null || value === undefined ? value : Boolean(value)),
  })
}
