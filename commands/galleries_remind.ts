import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { ExpiryRemindersResult } from '#actions/galleries/send_gallery_expiry_reminders'

export default class GalleriesRemind extends BaseCommand {
  static commandName = 'galleries:remind'
  static description = 'Email the reminders of galleries about to expire (7, 3 and 1 days before), each stage once'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Report what would be sent without writing or sending anything' })
  declare dryRun: boolean

  async run() {
    const { default: TrackCommandRun } = await import('#actions/operations/track_command_run')
    const { default: SendGalleryExpiryReminders } = await import('#actions/galleries/send_gallery_expiry_reminders')
    const dryRun = Boolean(this.dryRun)
    const { result } = await TrackCommandRun.handle(
      GalleriesRemind.commandName,
      () => SendGalleryExpiryReminders.handle({ dryRun }),
      (reminders) => ({ dry_run: dryRun, ...perStage(reminders), emails: reminders.emails })
    )

    if (dryRun) this.logger.info('Dry run: nothing was written or sent')
    if (result.stages.length === 0) this.logger.warning('Gallery reminders are turned off in the studio settings')
    const table = this.ui.table()
    table.head(['Stage', dryRun ? 'Galleries that would be reminded' : 'Galleries reminded'])
    for (const [stage, count] of Object.entries(perStage(result))) table.row([stage.replaceAll('_', ' '), String(count)])
    table.row(['Emails sent', String(result.emails)])
    table.render()
  }
}

/** { '7_days_before': 2, '3_days_before': 0, '1_day_before': 1 }: every stage, even empty ones. */
function perStage({ stages, reminders }: ExpiryRemindersResult) {
  return Object.fromEntries(
    stages.map((stage) => [
      `${stage}_${stage === 1 ? 'day' : 'days'}_before`,
      reminders.filter((reminder) => reminder.stage === stage).length,
    ])
  )
}
