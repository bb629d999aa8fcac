/**
 * The column named by a unique-constraint violation (PostgreSQL 23505 or SQLite
 * SQLITE_CONSTRAINT_UNIQUE), or null for any other error. Lets an insert that lost a
 * race with another request answer with a field error instead of a 500.
 */
export function uniqueViolationColumn(error: unknown, columns: string[]): string | null {
  const failure = error as { code?: string; detail?: string; constraint?: string; message?: string }
  if (failure?.code !== '23505' && failure?.code !== 'SQLITE_CONSTRAINT_UNIQUE') return null
  const text = `${failure.constraint ?? ''} ${failure.detail ?? ''} ${failure.message ?? ''}`
  return columns.find((column) => text.includes(column)) ?? null
}
