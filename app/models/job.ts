import { DateTime } from 'luxon'
import { beforeCreate, column, scope } from '@adonisjs/lucid/orm'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import AppModel from '#models/app_model'
import { jsonColumn } from '#models/concerns/json_column'
import { assertTransition } from '#models/concerns/state_machine'

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

const TRANSITIONS: Record<JobStatus, readonly JobStatus[]> = {
  queued: ['running'],
  // A failed attempt with attempts left goes back to the queue with a later run_at.
  running: ['done', 'queued', 'failed'],
  done: [],
  failed: ['queued'],
}

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
   * Takes the job for a worker. The conditional update makes it race-free: of two
   * workers claiming the same job, exactly one gets `true`.
   */
  async claim(workerId: string): Promise<boolean> {
    assertTransition('Job', this.status, 'running', TRANSITIONS)
    const query = Job.query({ client: this.$trx })
    const now = DateTime.now().toFormat(query.client.dialect.dateTimeFormat)
    const updated = await query
      .where('id', this.id)
      .where('status', 'queued')
      .update({ status: 'running', attempts: this.attempts + 1, lockedAt: now, lockedBy: workerId, updatedAt: now })
    const claimed = Number(Array.isArray(updated) ? updated[0] : updated) === 1
    if (claimed) await this.refresh()
    return claimed
  }

  async succeed() {
    this.transitionTo('done')
    this.finishedAt = DateTime.now()
    this.unlock()
    await this.save()
  }

  /** Records the error; retries later with backoff while attempts remain, else fails for good. */
  async fail(error: unknown) {
    this.lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    this.unlock()
    if (this.attempts < this.maxAttempts) {
      this.transitionTo('queued')
      this.runAt = DateTime.now().plus({ seconds: Job.backoffSeconds(this.attempts) })
    } else {
      this.transitionTo('failed')
      this.finishedAt = DateTime.now()
    }
    await this.save()
  }

  /** An admin's "try again" on a failed job: a fresh set of attempts, now. */
  async retry() {
    this.transitionTo('queued')
    this.attempts = 0
    this.runAt = DateTime.now()
    this.finishedAt = null
    await this.save()
  }

  get hasAttemptsLeft() {
    return this.attempts < this.maxAttempts
  }

  private unlock() {
    this.lockedAt = null
    this.lockedBy = null
  }

  private transitionTo(to: JobStatus) {
    assertTransition('Job', this.status, to, TRANSITIONS)
    this.status = to
  }
}
