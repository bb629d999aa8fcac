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
  const run = async (trx: TransactionClientContract) => {
    let seen: S = row[machine.attribute]
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!allowed.includes(seen)) return false
      if (await compareAndSet(row, machine, seen, to, options, trx)) return true
      const fresh = await trx.from(tableOf(row)).where(columnOf(row), row.$primaryKeyValue!).select(column).first()
      if (!fresh || fresh[column] === seen) return false
      seen = fresh[column] as S
    }
    return false
  }
  const client = options.client ?? (row.$trx as TransactionClientContract | undefined)
  return client ? run(client) : db.transaction(run)
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
  trx: TransactionClientContract
) {
  const Model = row.constructor as LucidModel
  const now = options.now ?? DateTime.now()
  const changes: Record<string, unknown> = { [machine.attribute]: to, ...options.set }
  if (Model.$hasColumn('updatedAt')) changes.updatedAt = now

  const query = Model.query({ client: trx })
    .where(columnOf(row), row.$primaryKeyValue!)
    .where(columnOf(row, machine.attribute), from)
  options.where?.(query)
  const changed = affectedRows(await query.update((row as any).prepareForAdapter(changes)))
  if (changed !== 1) return false

  for (const [key, value] of Object.entries(changes)) {
    ;(row as any)[key] = value
    row.$original[key] = value
  }
  const history = machine.historyRow({
    subjectId: String(row.$primaryKeyValue!),
    from,
    to,
    actor: options.actor ?? null,
    note: options.note ?? null,
    at: now,
  })
  await trx.table(history.table).insert(history.row)
  // A publish or an archive shows on public pages: anonymous visitors' kept copies go.
  publicPageMemory.forget()
  return true
}

function tableOf(row: LucidRow) {
  return (row.constructor as LucidModel).table
}

/** The column of a model property (the primary key's by default). */
function columnOf(row: LucidRow, attribute?: string) {
  const Model = row.constructor as LucidModel
  const name = attribute ?? Model.primaryKey
  return Model.$keys.attributesToColumns.get(name) ?? name
}
