import type { Knex } from 'knex'

/** A prepared query's SQL as knex compiled it the first time (with `?`, and native), by statement name. */
const compiled = new Map<string, { sql: Knex.Sql; native: string }>()

/** Outside production every use is compiled again and compared: a wrong `bindings` fails the tests, not a page. */
export const preparedQueries = { checkEveryUse: process.env.NODE_ENV !== 'production' }

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
 * - Given `bindings` (this use's values, in the order knex binds them: joins, wheres,
 *   then the limit), knex compiles the query once per process, not per use (knex building
 *   a 60-column select was a tenth of the gallery page's CPU).
 * - Behind PgBouncer in transaction mode, it needs PgBouncer ≥ 1.21 with
 *   max_prepared_statements set.
 */
export function prepared<Query extends { knexQuery: Knex.QueryBuilder }>(query: Query, name: string, bindings?: readonly unknown[]): Query {
  const knexQuery = query.knexQuery
  knexQuery.options({ name: `loupe_${name}` })
  if (!bindings) return query
  // Compiled when knex runs it (the model query adds its last clauses then).
  const compile = knexQuery.toSQL.bind(knexQuery)
  knexQuery.toSQL = ((...args: []) => {
    const known = compiled.get(name)
    if (args.length || !known || preparedQueries.checkEveryUse) {
      const fresh = compile(...args)
      if (args.length) return fresh
      if (known && known.sql.sql !== fresh.sql) throw new Error(`prepared(): "${name}" stands for two SQL texts:\n${known.sql.sql}\n${fresh.sql}`)
      if (JSON.stringify(fresh.bindings) !== JSON.stringify(bindings)) {
        throw new Error(`prepared(): "${name}" was given bindings ${JSON.stringify(bindings)}, knex binds ${JSON.stringify(fresh.bindings)} in ${fresh.sql}`)
      }
      // A copy: knex rewrites the object it runs (placeholders, bindings) in place.
      if (!known) compiled.set(name, { sql: { ...fresh }, native: fresh.toNative().sql })
      return fresh
    }
    const sql: Knex.Sql = { ...known.sql, bindings: [...bindings] as Knex.Sql['bindings'] }
    Object.defineProperty(sql, 'toNative', { value: () => ({ sql: known.native, bindings: sql.bindings }) })
    return sql
  }) as Knex.QueryBuilder['toSQL']
  return query
}
