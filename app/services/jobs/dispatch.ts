import type { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Job from '#models/job'
import type { JobName } from '#jobs/registry'
import { wakeWorkers } from '#services/jobs/worker'

/**
 * Persists a job (it survives a restart) and wakes the in-process worker, if any.
 * Pass the transaction that created the rows the job works on.
 */
export async function dispatch(
  name: JobName,
  payload: Record<string, unknown>,
  options: { runAt?: DateTime; maxAttempts?: number; client?: QueryClientContract } = {}
) {
  const job = await Job.enqueue(name, payload, options)
  if (options.client?.isTransaction) {
    ;(options.client as any).after?.('commit', wakeWorkers)
  } else {
    wakeWorkers()
  }
  return job
}

/** `dispatch` for many jobs of one kind, in one INSERT in the caller's transaction. */
export async function dispatchMany(name: JobName, payloads: Record<string, unknown>[], options: { client: QueryClientContract }) {
  if (!payloads.length) return
  await Job.enqueueMany(name, payloads, options)
  ;(options.client as any).after?.('commit', wakeWorkers)
}
