import { DateTime } from 'luxon'
import { beforeCreate, column, scope } from '@adonisjs/lucid/orm'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { LucidModel, ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import AppModel from '#models/app_model'
import { jsonColumn } from '#models/concerns/json_column'
import { sqlTime } from '#support/db/sql_time'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

export const jobStates = defineStateMachine<JobStatus>('Job', {
  queued: ['running'],
  // A failed attempt with attempts left goes back to the queue with a later run_at.
  running: ['done', 'queued', 'failed'],
  done: [],
  failed: ['queued'],
})

type Guard = (query: ModelQueryBuilderContract<LucidModel>) => void

const BASE_BACKOFF_SECONDS = 30
const MAX_BACKOFF_SECONDS = 60 * 60

/** Background work that must survive a restart: image processing, emails, fulfilment, workflow steps. */
export default class Job extends AppModel {
  @column()
  declare queue: string

  @column()
  declare name: string

  @jsonColumn()
  declare payload: Record<string, unknown> | null

  @column()
  declare status: JobStatus

  @column()
  declare attempts: number

  @column()
  declare maxAttempts: number

  @column.dateTime()
  declare runAt: DateTime

  @column.dateTime()
  declare lockedAt: DateTime | null

  @column()
  declare lockedBy: string | null

  @column()
  declare lastError: string | null

  @column.dateTime()
  declare finishedAt: DateTime | null

  @beforeCreate()
  static defaults(job: Job) {
    job.queue ??= 'default'
    job.status ??= 'queued'
    job.attempts ??= 0
    job.maxAttempts ??= 5
    job.runAt ??= DateTime.now()
  }

  static enqueue(
    name: string,
    payload: Record<string, unknown> | null = null,
    options: { queue?: string; runAt?: DateTime; maxAttempts?: number; client?: QueryClientContract } = {}
  ) {
    const { client, ...rest } = options
    return Job.create({ name, payload, ...rest }, { client })
  }

  /** `enqueue` for many jobs of one kind in one INSERT (a billing run's receipts). */
  static async enqueueMany(name: string, payloads: Record<string, unknown>[], options: { client: QueryClientContract }) {
    const now = DateTime.now()
    const rows = payloads.map((payload) => {
      const job = new Job()
      job.merge({ name, payload, createdAt: now, updatedAt: now })
      Job.assignId(job)
      Job.defaults(job)
      return (job as any).prepareForAdapter(job.$attributes) as Record<string, unknown>
    })
    for (let start = 0; start < rows.length; start += 200) {
      await options.client.insertQuery().table(Job.table).multiInsert(rows.slice(start, start + 200))
    }
  }

  /** Exponential: 30 s, 1 min, 2 min… capped at an hour. */
  static backoffSeconds(attempts: number) {
    return Math.min(BASE_BACKOFF_SECONDS * 2 ** Math.max(attempts - 1, 0), MAX_BACKOFF_SECONDS)
  }

  static due = scope((query, now: DateTime = DateTime.now()) => {
    query.where('status', 'queued').where('run_at', '<=', now.toFormat(query.client.dialect.dateTimeFormat)).orderBy('run_at')
  })

  /** Running jobs whose worker went quiet (crashed mid-job) before `lockedBefore`. */
  static stale = scope((query, lockedBefore: DateTime) => {
    query.where('status', 'running').where('locked_at', '<', lockedBefore.toFormat(query.client.dialect.dateTimeFormat))
  })

  /**
   * Takes the job for a worker and counts the attempt: of two workers claiming the same
   * job, exactly one gets `true` (the attempt count read is checked in the same UPDATE).
   */
  claim(workerId: string, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    const attempts = this.attempts
    return transition(this, jobStates, 'running', {
      ...options,
      now,
      set: { attempts: attempts + 1, lockedAt: now, lockedBy: workerId },
      where: (query) => query.where('attempts', attempts),
    })
  }

  succeed(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return this.release('done', { finishedAt: now }, { ...options, now })
  }

  /** Records the error; retries later with backoff while attempts remain, else fails for good. */
  fail(error: unknown, options: ChangeOptions = {}) {
    return this.endAttemptWith(error, options)
  }

  /**
   * The worker holding the job went quiet before `lockedBefore` (it died mid-job): the
   * attempt counts as failed. Refused if the worker finished or touched it meanwhile.
   */
  abandon(lockedBefore: DateTime, options: ChangeOptions = {}) {
    return this.endAttemptWith(new Error('The worker stopped before finishing'), options, (query) =>
      query.where('locked_at', '<', sqlTime(lockedBefore))
    )
  }

  /** An admin's "try again" on a failed job: a fresh set of attempts, now. */
  retry(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, jobStates, 'queued', {
      ...options,
      now,
      from: ['failed'],
      set: { attempts: 0, runAt: now, finishedAt: null },
    })
  }

  get hasAttemptsLeft() {
    return this.attempts < this.maxAttempts
  }

  private endAttemptWith(error: unknown, options: ChangeOptions, guard?: Guard) {
    const now = options.now ?? DateTime.now()
    const lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    if (!this.hasAttemptsLeft) return this.release('failed', { lastError, finishedAt: now }, { ...options, now }, guard)
    const runAt = now.plus({ seconds: Job.backoffSeconds(this.attempts) })
    return this.release('queued', { lastError, runAt }, { ...options, now }, guard)
  }

  /** Ends the attempt this copy holds: only while the row is still locked by the same worker. */
  private release(to: JobStatus, set: Record<string, unknown>, options: ChangeOptions, guard?: Guard) {
    const lockedBy = this.lockedBy
    return transition(this, jobStates, to, {
      ...options,
      from: ['running'],
      set: { ...set, lockedAt: null, lockedBy: null },
      where: (query) => {
        if (lockedBy === null) query.whereNull('locked_by')
        else query.where('locked_by', lockedBy)
        guard?.(query)
      },
    })
  }
}
