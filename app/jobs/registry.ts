import type { JobHandlerLoader } from '#services/jobs/job_handler'

/** Every job name Loupe enqueues, and the class that works it. */
export const jobHandlers = {
  'media.process': () => import('#jobs/process_media_asset'),
} satisfies Record<string, JobHandlerLoader>

export type JobName = keyof typeof jobHandlers
