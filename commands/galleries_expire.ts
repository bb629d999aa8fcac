import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class GalleriesExpire extends BaseCommand {
  static commandName = 'galleries:expire'
  static description = 'Expire published galleries past their date (never deleting them) and send the "expired" notice once'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Report what would happen without writing or sending anything' })
  declare dryRun: boolean

  async run() {
    const { default: TrackCommandRun } = await import('#actions/operations/track_command_run')
    const { default: ExpireGalleries } = await import('#actions/galleries/expire_galleries')
    const dryRun = Boolean(this.dryRun)
    const { result } = await TrackCommandRun.handle(
      GalleriesExpire.commandName,
      () => ExpireGalleries.handle({ dryRun }),
      ({ expired, notices }) => ({ dry_run: dryRun, expired: expired.length, notified: notices.notices.length, emails: notices.emails })
    )

    if (dryRun) this.logger.info('Dry run: nothing was written or sent')
    const table = this.ui.table()
    table.head(['What', dryRun ? 'Would be' : 'Count'])
    table.row(['Galleries expired', String(result.expired.length)])
    table.row(['Galleries notified', String(result.notices.notices.length)])
    table.row(['Emails sent', String(result.notices.emails)])
    table.render()
  }
}
