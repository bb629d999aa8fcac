import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import Job from '#models/job'
import { jobHandlers, type JobName } from '#jobs/registry'
import type { JobHandler } from '#services/jobs/job_handler'
import { actors } from '#support/actor'

const workers = new Set<JobWorker>()

/** Nudges every worker of this process to look for work now instead of at its next poll. */
export function wakeWorkers() {
  for (const worker of workers) worker.wake()
}

export interface WorkerOptions {
  concurrency?: number
  pollMs?: number
  /** A running job untouched this long belonged to a worker that died: it is queued again. */
  staleAfterMinutes?: number
}

/**
 * Works persisted jobs: claims due ones (race-free across processes), runs their
 * handler, and records success, a retry with backoff, or the final failure.
 */
export class JobWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  readonly #actor = actors.system(`jobs:worker ${this.id}`.slice(0, 100))
  #running = false
  #active = new Set<Promise<void>>()
  #timer: NodeJS.Timeout | null = null
  #wake: (() => void) | null = null
  #options: Required<WorkerOptions>

  constructor(options: WorkerOptions = {}) {
    this.#options = { concurrency: 2, pollMs: 1000, staleAfterMinutes: 15, ...options }
  }

  start() {
    if (this.#running) return
    this.#running = true
    workers.add(this)
    void this.#loop()
  }

  async stop() {
    this.#running = false
    workers.delete(this)
    this.wake()
    await Promise.all(this.#active)
  }

  wake() {
    this.#wake?.()
  }

  /** Works every due job, then returns how many ran. For commands, tests and benchmarks. */
  async drain(limit = Number.POSITIVE_INFINITY) {
    let ran = 0
    while (ran < limit) {
      const batch = await this.#claimDue(Math.min(this.#options.concurrency, limit - ran))
      if (batch.length === 0) break
      await Promise.all(batch.map((job) => this.#run(job)))
      ran += batch.length
    }
    return ran
  }

  /**
   * Queues again (or fails, on its last attempt) each job of a worker that died mid-job.
   * Each is a compare-and-set on the lock it read: a worker that finishes meanwhile, or
   * another process recovering the same job, makes this one a no-op. Returns how many.
   */
  async recoverStale() {
    const lockedBefore = DateTime.now().minus({ minutes: this.#options.staleAfterMinutes })
    const stale = await Job.query().withScopes((s) => s.stale(lockedBefore))
    let recovered = 0
    for (const job of stale) if (await job.abandon(lockedBefore, { actor: this.#actor })) recovered++
    return recovered
  }

  async #loop() {
    await this.recoverStale().catch((error) => logger.error({ err: error }, 'jobs: stale recovery failed'))
    while (this.#running) {
      try {
        const free = this.#options.concurrency - this.#active.size
        const batch = free > 0 ? await this.#claimDue(free) : []
        for (const job of batch) this.#track(this.#run(job))
        if (batch.length === 0 || free === 0) await this.#sleep()
      } catch (error) {
        logger.error({ err: error }, 'jobs: worker loop error')
        await this.#sleep()
      }
    }
  }

  #track(promise: Promise<void>) {
    this.#active.add(promise)
    promise.finally(() => {
      this.#active.delete(promise)
      this.wake()
    })
  }

  #sleep() {
    return new Promise<void>((resolve) => {
      this.#wake = () => {
        if (this.#timer) clearTimeout(this.#timer)
        this.#wake = null
        resolve()
      }
      this.#timer = setTimeout(() => this.#wake?.(), this.#options.pollMs)
    })
  }

  async #claimDue(count: number) {
    const candidates = await Job.query().withScopes((s) => s.due()).limit(count * 2)
    const claimed: Job[] = []
    for (const job of candidates) {
      if (claimed.length >= count) break
      if (await job.claim(this.id, { actor: this.#actor })) claimed.push(job)
    }
    return claimed
  }

  /** Another process recovered the job as stale while this one ran it (it was too slow). */
  #lostLock(job: Job) {
    logger.warn({ job: job.name, id: job.id }, 'jobs: the job was taken from this worker before it finished')
  }

  async #run(job: Job) {
    const loader = jobHandlers[job.name as JobName]
    try {
      if (!loader) throw new Error(`No handler for job "${job.name}"`)
      const handler: JobHandler = new (await loader()).default()
      await handler.handle(job.payload ?? {}, job)
      if (!(await job.succeed({ actor: this.#actor }))) this.#lostLock(job)
    } catch (error) {
      logger.warn({ err: error, job: job.name, attempt: job.attempts }, 'jobs: attempt failed')
      if (!(await job.fail(error, { actor: this.#actor }))) return this.#lostLock(job)
      if (job.status === 'failed' && loader) {
        const handler: JobHandler = new (await loader()).default()
        await handler.failed?.(job.payload ?? {}, error, job)
      }
    }
  }
}
