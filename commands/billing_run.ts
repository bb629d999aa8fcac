import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class BillingRun extends BaseCommand {
  static commandName = 'billing:run'
  static description = 'Charge every due plan installment once (race-free, retries 1/3/5 days after a decline) and send the 3-day heads-ups'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Report what is due without charging, writing or sending anything' })
  declare dryRun: boolean

  @flags.number({ description: 'Charge at most this many installments' })
  declare limit: number | undefined

  @flags.number({ description: 'Charges in flight at once (default 8)' })
  declare concurrency: number | undefined

  @flags.number({ description: 'Installments claimed, charged and recorded together (default 100)' })
  declare batchSize: number | undefined

  @flags.string({ description: 'Run as if it were this time (ISO 8601; demos and tests, never in production)' })
  declare now: string | undefined

  async run() {
    const { DateTime } = await import('luxon')
    const { default: app } = await import('@adonisjs/core/services/app')
    const { default: TrackCommandRun } = await import('#actions/operations/track_command_run')
    const { default: RunBilling } = await import('#actions/billing/run_billing')
    const { formatMoney } = await import('#services/money/format_money')
    if (this.now && app.inProduction) return this.refuse('--now is for demos and tests only')
    const now = this.now ? DateTime.fromISO(this.now) : DateTime.now()
    if (!now.isValid) return this.refuse(`--now: "${this.now}" is not an ISO date-time`)
    const dryRun = Boolean(this.dryRun)
    const bar = process.stdout.isTTY && !dryRun ? progressBar() : null
    const { result } = await TrackCommandRun.handle(
      BillingRun.commandName,
      () => RunBilling.handle({ now, dryRun, limit: this.limit, concurrency: this.concurrency, batchSize: this.batchSize, onProgress: bar?.draw }),
      (r) => ({ dry_run: dryRun, due: r.due, charged: r.charged, charged_cents: r.chargedAmount, failed: r.failed, failed_cents: r.failedAmount, skipped: r.skipped, unknown: r.unknown, plans_completed: r.plansCompleted, plans_failed: r.plansFailed, heads_ups: r.headsUps, left_to_family: r.leftToFamily })
    )
    bar?.end()

    if (dryRun) this.logger.info('Dry run: nothing was charged, written or sent')
    const table = this.ui.table()
    table.head(['What', 'Count', 'Amount'])
    table.row(['Installments due', String(result.due), formatMoney(result.dueAmount)])
    if (!dryRun) {
      table.row(['Charged', String(result.charged), formatMoney(result.chargedAmount)])
      table.row(['Declined (retry or stop)', String(result.failed), formatMoney(result.failedAmount)])
      table.row(['Skipped (another run, stopped plan)', String(result.skipped), ''])
      table.row(['No answer (next run asks again)', String(result.unknown), ''])
      table.row(['Plans completed', String(result.plansCompleted), ''])
      table.row(['Plans failed', String(result.plansFailed), ''])
    }
    table.row([dryRun ? 'Heads-up emails due' : 'Heads-up emails sent', String(result.headsUps), ''])
    if (result.leftToFamily) {
      table.row(['Not charged: the gateway cannot charge saved cards', String(result.leftToFamily), ''])
    }
    table.render()
    for (const error of result.errors) this.logger.warning(error)
    if (result.unknown) this.exitCode = 1
  }

  private refuse(message: string) {
    this.logger.error(message)
    this.exitCode = 1
  }
}

/** A one-line progress bar for runs by hand (never in logs: only on a terminal). */
function progressBar() {
  let last = 0
  return {
    draw: (done: number, total: number) => {
      const now = Date.now()
      if (done < total && now - last < 100) return
      last = now
      const width = 30
      const filled = total ? Math.round((done / total) * width) : width
      process.stdout.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`)
    },
    end: () => process.stdout.write('\n'),
  }
}
