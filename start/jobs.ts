/*
| With the embedded defaults the web process also works background jobs, so `npm start`
| needs nothing else. Set JOBS_IN_PROCESS=false when `node ace jobs:work` runs apart.
*/
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import logger from '@adonisjs/core/services/logger'
import { JobWorker } from '#services/jobs/worker'
import { allocatorWarning } from '#services/images/allocator'

if (env.get('JOBS_IN_PROCESS', !app.inProduction) && !app.inTest) {
  const worker = new JobWorker()
  const warning = allocatorWarning()
  if (warning) logger.warn(warning)
  app.ready(() => worker.start())
  app.terminating(() => worker.stop())
}
