import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class JobsWork extends BaseCommand {
  static commandName = 'jobs:work'
  static description = 'Work background jobs (image processing, emails…) until stopped; --once drains and exits'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.number({ description: 'Jobs worked at the same time (photos still take turns: IMAGE_CONCURRENCY)', default: 2 })
  declare concurrency: number

  @flags.boolean({ description: 'Work every due job, then exit' })
  declare once: boolean

  async run() {
    // glibc reads them at process start only: too late to set from here, so say so.
    const { allocatorWarning } = await import('#services/images/allocator')
    const warning = allocatorWarning()
    if (warning) this.logger.warning(warning)
    const { JobWorker } = await import('#services/jobs/worker')
    const worker = new JobWorker({ concurrency: this.concurrency })
    if (this.once) {
      await worker.recoverStale()
      const ran = await worker.drain()
      this.logger.success(`Worked ${ran} job(s)`)
      return this.terminate()
    }
    this.app.terminating(() => worker.stop())
    worker.start()
    this.logger.info(`Working jobs (${worker.id}, concurrency ${this.concurrency}); Ctrl-C to stop`)
  }
}
