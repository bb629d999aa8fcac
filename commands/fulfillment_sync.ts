import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class FulfillmentSync extends BaseCommand {
  static commandName = 'fulfillment:sync'
  static description = 'Release orders past their review window to the labs, send new items, poll lab orders for status and tracking, cancel refunded ones at the lab'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Report what would happen without writing or sending anything' })
  declare dryRun: boolean

  async run() {
    const { default: TrackCommandRun } = await import('#actions/operations/track_command_run')
    const { default: SyncFulfillment } = await import('#actions/shop/sync_fulfillment')
    const dryRun = Boolean(this.dryRun)
    const { result } = await TrackCommandRun.handle(
      FulfillmentSync.commandName,
      () => SyncFulfillment.handle({ dryRun }),
      (r) => ({ dry_run: dryRun, released: r.released.length, submitted: r.submitted, waiting: r.waiting, updated: r.updated, shipped: r.shipped.length, delivered: r.delivered.length, flagged: r.flagged.length, lab_cancelled: r.labCancelled.length, errors: r.errors.length })
    )
    if (dryRun) this.logger.info('Dry run: nothing was written or sent')
    const table = this.ui.table()
    table.head(['What', dryRun ? 'Would be' : 'Count'])
    table.row(['Orders released to production', String(result.released.length)])
    table.row(['Items sent to a lab', String(result.submitted)])
    table.row(['Items waiting (lab not configured)', String(result.waiting)])
    table.row(['Lab updates recorded', String(result.updated)])
    table.row(['Orders shipped', String(result.shipped.length)])
    table.row(['Orders delivered', String(result.delivered.length)])
    table.row(['Orders flagged to the studio (labs cancelled everything)', String(result.flagged.length)])
    table.row(['Lab orders of refunded orders cancelled', String(result.labCancelled.length)])
    table.row(['Errors (retried next run)', String(result.errors.length)])
    table.render()
    for (const error of result.errors) this.logger.warning(error)
  }
}
