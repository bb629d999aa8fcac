import { DateTime } from 'luxon'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { Exception } from '@adonisjs/core/exceptions'
import type { LucidModel, LucidRow, ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Actor } from '#support/actor'
import { affectedRows } from '#support/db/affected_rows'
import { sqlTime } from '#support/db/sql_time'
import { publicPageMemory } from '#support/http/public_page_memory'

export class InvalidTransitionException extends Exception {
  static status = 409
  static code = 'E_INVALID_TRANSITION'
}

/** One state change, as its history row records it. */
export interface StateChange<S extends string> {
  subjectId: string
  from: S
  to: S
  actor: Actor | null
  note: string | null
  at: DateTime
}

export interface StateMachine<S extends string, A extends string = 'status'> {
  /** "Gallery", "Payment": in errors and as the history row's subject type. */
  readonly entity: string
  /** The model property holding the state (`status`; a photo's `editingStatus`). */
  readonly attribute: A
  readonly transitions: Readonly<Record<S, readonly S[]>>
  /** The states a row may be in to move to `to`. */
  sourcesOf(to: S): S[]
  /** The history row of a change; by default a `status_changes` row. */
  historyRow(change: StateChange<S>): { table: string; row: Record<string, unknown> }
}

/**
 * A model's states and the moves between them. `history` names where a change is
 * recorded when a model keeps its own history (photo sessions write `session_events`);
 * every other state change lands in `status_changes`. `attribute` names the property
 * holding the state when it is not `status`.
 */
export function defineStateMachine<S extends string, A extends string = 'status'>(
  entity: string,
  transitions: Readonly<Record<S, readonly S[]>>,
  options: {
    attribute?: A
    history?: (change: StateChange<S>) => { table: string; row: Record<string, unknown> }
  } = {}
): StateMachine<S, A> {
  const states = Object.keys(transitions) as S[]
  return {
    entity,
    attribute: options.attribute ?? ('status' as A),
    transitions,
    sourcesOf: (to) => states.filter((from) => transitions[from].includes(to)),
    historyRow: options.history ?? ((change) => ({ table: 'status_changes', row: statusChangeRow(entity, change) })),
  }
}

function statusChangeRow(entity: string, change: StateChange<string>) {
  return {
    id: randomUUID(),
    subject_type: entity,
    subject_id: change.subjectId,
    from_status: change.from,
    to_status: change.to,
    actor_id: change.actor?.userId ?? null,
    actor_role: change.actor?.role ?? null,
    actor_label: change.actor?.label ?? null,
    kiosk_device_id: change.actor?.kioskDeviceId ?? null,
    ip: change.actor?.ip ?? null,
    note: change.note,
    created_at: sqlTime(change.at),
  }
}

/**
 * What every named state change takes (`payment.markSucceeded(options)`,
 * `session.checkIn(options)`): who asks, why, in which transaction, at what time.
 */
export interface ChangeOptions {
  actor?: Actor | null
  note?: string | null
  client?: TransactionClientContract
  now?: DateTime
}

export interface TransitionOptions<S extends string> extends ChangeOptions {
  /** Attributes that change with the status (model property names). */
  set?: Record<string, unknown>
  /** Narrows the states the move is allowed from (a subset of the machine's). */
  from?: readonly S[]
  /** Further conditions the row must meet, checked in the same UPDATE (e.g. a due date). */
  where?: (query: ModelQueryBuilderContract<LucidModel>) => void
}

type StatefulRow<S extends string, A extends string> = LucidRow & { [K in A]: S }

/**
 * The one way a state changes: a compare-and-set.
 *
 *   UPDATE … SET status = :to, … WHERE id = :id AND status = :seen [AND …]
 *
 * `:seen` is the state the row was read in, and it must be one the machine allows into
 * `to`. When another process moved the row first, the state is read again and the move
 * retried only if it is still allowed from there. The history row is written in the same
 * transaction. Returns whether this call made the change: of two concurrent callers
 * exactly one gets `true`, and the row in memory then holds the new values.
 */
export async function transition<S extends string, A extends string>(
  row: StatefulRow<S, A>,
  machine: StateMachine<S, A>,
  to: S,
  options: TransitionOptions<S> = {}
): Promise<boolean> {
  const allowed = machine.sourcesOf(to).filter((from) => !options.from || options.from.includes(from))
  const column = columnOf(row, machine.attribute)
  // trx null: PostgreSQL, no caller's transaction: the change and its history are one statement.
  const run = async (trx: TransactionClientContract | null) => {
    let seen: S = row[machine.attribute]
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!allowed.includes(seen)) return false
      if (await compareAndSet(row, machine, seen, to, options, trx)) return true
      const fresh = await (trx ?? db).from(tableOf(row)).where(columnOf(row), row.$primaryKeyValue!).select(column).first()
      if (!fresh || fresh[column] === seen) return false
      seen = fresh[column] as S
    }
    return false
  }
  const client = options.client ?? (row.$trx as TransactionClientContract | undefined)
  if (client) return run(client)
  return isPostgres(row) ? run(null) : db.transaction(run)
}

function isPostgres(row: LucidRow) {
  return (row.constructor as LucidModel).query().client.dialect.name === 'postgres'
}

/** Like `transition`, but a refused move is a bug: throws InvalidTransitionException (409). */
export async function transitionOrFail<S extends string, A extends string>(
  row: StatefulRow<S, A>,
  machine: StateMachine<S, A>,
  to: S,
  options: TransitionOptions<S> = {}
) {
  const from = row[machine.attribute]
  if (!(await transition(row, machine, to, options))) {
    throw new InvalidTransitionException(`${machine.entity} cannot go from ${from} to ${to}`)
  }
}

/** Whether the machine allows `from` → `to` (for views: which buttons to show). */
export function canTransition<S extends string, A extends string>(machine: StateMachine<S, A>, from: S, to: S) {
  return machine.transitions[from]?.includes(to) ?? false
}

async function compareAndSet<S extends string, A extends string>(
  row: StatefulRow<S, A>,
  machine: StateMachine<S, A>,
  from: S,
  to: S,
  options: TransitionOptions<S>,
  trx: TransactionClientContract | null
) {
  const Model = row.constructor as LucidModel
  const now = options.now ?? DateTime.now()
  const changes: Record<string, unknown> = { [machine.attribute]: to, ...options.set }
  if (Model.$hasColumn('updatedAt')) changes.updatedAt = now
  const history = machine.historyRow({
    subjectId: String(row.$primaryKeyValue!),
    from,
    to,
    actor: options.actor ?? null,
    note: options.note ?? null,
    at: now,
  })

  const query = Model.query(trx ? { client: trx } : {})
    .where(columnOf(row), row.$primaryKeyValue!)
    .where(columnOf(row, machine.attribute), from)
  options.where?.(query)
  query.update((row as any).prepareForAdapter(changes))
  if (trx) {
    if (affectedRows(await query) !== 1) return false
    await trx.table(history.table).insert(history.row)
  } else if (!(await changedWithHistory(query.toSQL(), history))) {
    return false
  }

  for (const [key, value] of Object.entries(changes)) {
    ;(row as any)[key] = value
    row.$original[key] = value
  }
  // A publish or an archive shows on public pages: anonymous visitors' kept copies go.
  publicPageMemory.forget()
  return true
}

/**
 * PostgreSQL: the compare-and-set and its history row in one statement, so atomic without
 * a transaction (a check-in at the desk was BEGIN, UPDATE, INSERT, COMMIT: four round trips,
 * now one). The history row goes in through json_populate_record, which types each value by
 * its column. Answers whether the row changed (the history row is written exactly then).
 */
async function changedWithHistory(update: { sql: string; bindings: readonly unknown[] }, history: { table: string; row: Record<string, unknown> }) {
  const columns = Object.keys(history.row)
    .map((column) => `"${column}"`)
    .join(', ')
  const result = await db.rawQuery(
    `WITH moved AS (${update.sql} RETURNING 1) INSERT INTO "${history.table}" (${columns}) SELECT ${columns} FROM moved, json_populate_record(NULL::"${history.table}", ?::json)`,
    [...update.bindings, JSON.stringify(history.row)]
  )
  return (result as { rowCount?: number }).rowCount === 1
}

/**
 * `transition` for a row known only by its id: reads it and moves it, and answers the row
 * (holding its new values) when this call moved it, else null (no such row, or a state the
 * move isn't allowed from: read it to tell which). On PostgreSQL with no caller's transaction
 * it is one statement, where `transition` needs the row read first:
 *
 *   WITH seen AS (SELECT status … WHERE id = :id AND status IN (:allowed) FOR UPDATE),
 *        moved AS (UPDATE … WHERE id = :id AND status = (SELECT status FROM seen) RETURNING *),
 *        history AS (INSERT INTO <history> … FROM moved)
 *   SELECT * FROM moved
 *
 * `seen` locks the row before the UPDATE reads it, so the history row's former state is the
 * one the row was moved from; of two concurrent callers the second finds it moved and gets null.
 * Every history table names the former state `from_status`.
 */
export async function transitionById<M extends LucidModel, S extends string, A extends string>(
  Model: M,
  id: string,
  machine: StateMachine<S, A>,
  to: S,
  options: TransitionOptions<S> = {}
): Promise<InstanceType<M> | null> {
  const client = options.client
  if (client || Model.query().client.dialect.name !== 'postgres') {
    const row = (await Model.find(id, client ? { client } : undefined)) as (InstanceType<M> & StatefulRow<S, A>) | null
    return row && (await transition(row, machine, to, options)) ? row : null
  }
  const allowed = machine.sourcesOf(to).filter((from) => !options.from || options.from.includes(from))
  if (!allowed.length) return null
  const key = columnOfModel(Model, Model.primaryKey)
  const state = columnOfModel(Model, machine.attribute)
  const now = options.now ?? DateTime.now()
  const changes: Record<string, unknown> = { [machine.attribute]: to, ...options.set }
  if (Model.$hasColumn('updatedAt')) changes.updatedAt = now
  const history = machine.historyRow({ subjectId: id, from: allowed[0], to, actor: options.actor ?? null, note: options.note ?? null, at: now })
  if (!('from_status' in history.row)) throw new Error(`${machine.entity}'s history has no from_status column for transitionById`)
  const update = Model.query().where(key, id).where(state, db.raw(`(SELECT "${state}" FROM seen)`))
  options.where?.(update)
  const updateSql = update.update(new (Model as any)().prepareForAdapter(changes)).toSQL()
  const columns = Object.keys(history.row)
  const values = columns.map((column) => (column === 'from_status' ? `moved."__from"` : `h."${column}"`)).join(', ')
  const result = await db.rawQuery(
    `WITH seen AS (SELECT "${state}" FROM "${Model.table}" WHERE "${key}" = ? AND "${state}" IN (${allowed.map(() => '?').join(', ')}) FOR UPDATE), ` +
      `moved AS (${updateSql.sql} RETURNING *, (SELECT "${state}" FROM seen) AS "__from"), ` +
      `history AS (INSERT INTO "${history.table}" (${columns.map((column) => `"${column}"`).join(', ')}) SELECT ${values} FROM moved, json_populate_record(NULL::"${history.table}", ?::json) AS h) ` +
      `SELECT * FROM moved`,
    [id, ...allowed, ...updateSql.bindings, JSON.stringify(history.row)]
  )
  const [moved] = (result as { rows: Record<string, unknown>[] }).rows
  if (!moved) return null
  delete moved.__from
  publicPageMemory.forget()
  return Model.$createFromAdapterResult(moved) as InstanceType<M>
}

function tableOf(row: LucidRow) {
  return (row.constructor as LucidModel).table
}

/** The column of a model property (the primary key's by default). */
function columnOf(row: LucidRow, attribute?: string) {
  const Model = row.constructor as LucidModel
  return columnOfModel(Model, attribute ?? Model.primaryKey)
}

export interface BatchTransitionOptions<S extends string, R> extends ChangeOptions {
  /** Narrows the states the move is allowed from (a subset of the machine's). */
  from?: readonly S[]
  /** Attributes that change with the status on every row (model property names). */
  set?: Record<string, unknown>
  /** Attributes that change with the status, row by row (model property names). */
  each?: (row: R) => Record<string, unknown>
  /** Columns set to an SQL expression on every row (`attempts + 1`); their new values are read back. */
  expressions?: Record<string, string>
  /** Further conditions each row must meet, checked in the same UPDATE (a knex builder). */
  where?: (query: any) => void
  /** The history row's note, row by row (instead of `note`). */
  noteOf?: (row: R) => string | null
}

const BATCH_SIZE = 200

/** A `where` for transitionMany: each row's integer `column` (`attempts`, a counter) still holds the value read. */
export function stillHolds(column: string, seen: Map<string, number>) {
  const cases = [...seen.keys()].map(() => 'WHEN ? THEN CAST(? AS INTEGER)').join(' ')
  return (query: any) => query.whereRaw(`${column} = CASE id ${cases} END`, [...seen].flat())
}

/**
 * `transition` for many rows of one model, in a few statements: per state the rows were
 * read in,
 *
 *   UPDATE … SET status = :to, … WHERE id IN (:ids) AND status = :seen [AND …] RETURNING id
 *
 * then the history rows of those that moved, in one INSERT. Each row is compared and set
 * exactly as `transition` does it (so of two concurrent callers each row moves for one),
 * but a row that moved elsewhere meanwhile is not read again: it simply didn't move.
 * Returns the rows that moved, which then hold their new values. In the caller's transaction.
 */
export async function transitionMany<S extends string, A extends string, R extends StatefulRow<S, A>>(
  rows: readonly R[],
  machine: StateMachine<S, A>,
  to: S,
  options: BatchTransitionOptions<S, R> & { client: TransactionClientContract }
): Promise<R[]> {
  if (!rows.length) return []
  const trx = options.client
  const Model = rows[0].constructor as LucidModel
  const now = options.now ?? DateTime.now()
  const key = columnOfModel(Model, Model.primaryKey)
  const allowed = machine.sourcesOf(to).filter((from) => !options.from || options.from.includes(from))
  const changes: Record<string, unknown> = { [machine.attribute]: to, ...options.set }
  if (Model.$hasColumn('updatedAt')) changes.updatedAt = now
  const blank = new (Model as any)()
  const prepare = (attributes: Record<string, unknown>) => blank.prepareForAdapter(attributes) as Record<string, unknown>
  const common = prepare(changes)
  const expressions = Object.entries(options.expressions ?? {})
  const columnsToAttributes = Model.$keys.columnsToAttributes

  const moved: R[] = []
  const history: { table: string; row: Record<string, unknown> }[] = []
  const bySeen = new Map<S, R[]>()
  for (const row of rows) {
    const seen = row[machine.attribute]
    if (!allowed.includes(seen)) continue
    const group = bySeen.get(seen) ?? []
    group.push(row)
    bySeen.set(seen, group)
  }
  for (const [seen, group] of bySeen) {
    for (let start = 0; start < group.length; start += BATCH_SIZE) {
      const chunk = group.slice(start, start + BATCH_SIZE)
      const values: Record<string, unknown> = { ...common }
      for (const [column, sql] of expressions) values[column] = trx.knexRawQuery(sql)
      const each = new Map(options.each ? chunk.map((row) => [String(row.$primaryKeyValue), options.each!(row)]) : [])
      for (const [column, cases] of eachColumnCases(each, prepare)) {
        values[column] = trx.knexRawQuery(`CASE ${key} ${cases.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ${column} END`, cases.flat() as any[])
      }
      const query = trx
        .knexQuery()
        .table(Model.table)
        .whereIn(key, chunk.map((row) => row.$primaryKeyValue as string))
        .where(columnOfModel(Model, machine.attribute), seen)
      options.where?.(query)
      const returned: Record<string, unknown>[] = await query.update(values).returning([key, ...expressions.map(([column]) => column)])
      const byId = new Map(chunk.map((row) => [String(row.$primaryKeyValue), row]))
      for (const fresh of returned) {
        const row = byId.get(String(fresh[key]))!
        const attributes: Record<string, unknown> = { ...changes, ...each.get(String(fresh[key])) }
        for (const [column] of expressions) attributes[columnsToAttributes.get(column) ?? column] = fresh[column]
        for (const [name, value] of Object.entries(attributes)) {
          ;(row as any)[name] = value
          row.$original[name] = value
        }
        moved.push(row)
        history.push(machine.historyRow({ subjectId: String(fresh[key]), from: seen, to, actor: options.actor ?? null, note: options.noteOf?.(row) ?? options.note ?? null, at: now }))
      }
    }
  }
  for (let start = 0; start < history.length; start += BATCH_SIZE) {
    const chunk = history.slice(start, start + BATCH_SIZE)
    await trx.knexQuery().table(chunk[0].table).insert(chunk.map((entry) => entry.row))
  }
  if (moved.length) publicPageMemory.forget()
  return moved
}

/** Column → [[id, value], …] of the rows that set it. */
function eachColumnCases(each: Map<string, Record<string, unknown>>, prepare: (attributes: Record<string, unknown>) => Record<string, unknown>) {
  const byColumn = new Map<string, unknown[][]>()
  for (const [id, attributes] of each) {
    for (const [column, value] of Object.entries(prepare(attributes))) {
      const cases = byColumn.get(column) ?? []
      cases.push([id, value])
      byColumn.set(column, cases)
    }
  }
  return byColumn
}

function columnOfModel(Model: LucidModel, attribute: string) {
  return Model.$keys.attributesToColumns.get(attribute) ?? attribute
}
