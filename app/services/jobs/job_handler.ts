import type Job from '#models/job'

/** One kind of background work. `failed` runs once, when the last attempt has failed. */
export interface JobHandler<Payload = any> {
  handle(payload: Payload, job: Job): Promise<void>
  failed?(payload: Payload, error: unknown, job: Job): Promise<void>
}

export type JobHandlerLoader = () => Promise<{ default: new () => JobHandler }>
