import type { Knex } from 'knex'

/**
 * Sends a hot query as a named statement: PostgreSQL parses and plans it once per pooled
 * connection and then reuses the plan, where it would otherwise plan it again on every
 * request (for the gallery page's query with its joins, planning cost several times what
 * running it did). SQLite ignores the name.
 *
 * - `name` stands for exactly one SQL text: add to it whatever changes the text (the
 *   length of an IN list, say).
 * - Select named columns, never `table.*`: a column added by a migration while the server
 *   runs would change a `*` statement's result type, which PostgreSQL refuses to reuse.
 * - Behind PgBouncer in transaction mode, it needs PgBouncer ≥ 1.21 with
 *   max_prepared_statements set.
 */
export function prepared<Query extends { knexQuery: Knex.QueryBuilder }>(query: Query, name: string): Query {
  query.knexQuery.options({ name: `loupe_${name}` })
  return query
}
