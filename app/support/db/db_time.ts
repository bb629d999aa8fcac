import { DateTime } from 'luxon'

/**
 * A timestamp as a raw query returns it: a Date from PostgreSQL, a "yyyy-MM-dd HH:mm:ss"
 * string in the server's zone from SQLite (Lucid writes it so; see sqlTime).
 */
export function fromDbTime(value: unknown): DateTime {
  if (value instanceof Date) return DateTime.fromJSDate(value)
  if (typeof value === 'number') return DateTime.fromMillis(value)
  const text = String(value)
  const parsed = DateTime.fromSQL(text)
  return parsed.isValid ? parsed : DateTime.fromISO(text)
}

/** A date column from a raw query as "yyyy-MM-dd" (PostgreSQL gives a Date at local midnight). */
export function fromDbDate(value: unknown): string {
  if (value instanceof Date) return DateTime.fromJSDate(value).toISODate()!
  return String(value).slice(0, 10)
}

/**
 * A select of a timestamp column as epoch milliseconds, for reading many rows without a
 * Date or DateTime per row: PostgreSQL computes it; SQLite's text is parsed by `millisOf`.
 */
export function epochMillisColumn(client: { dialect: { name: string } }, column: string, alias: string) {
  return client.dialect.name === 'postgres'
    ? `floor(extract(epoch from ${column}) * 1000)::bigint as ${alias}`
    : `${column} as ${alias}`
}

/** What `epochMillisColumn` selected, as a number. */
export function millisOf(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value)
  return fromDbTime(value).toMillis()
}
