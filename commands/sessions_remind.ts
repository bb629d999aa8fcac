import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class SessionsRemind extends BaseCommand {
  static commandName = 'sessions:remind'
  static description = 'Email session reminders (two days before with the preparation checklist, and on the morning), each once'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Report what would be sent without writing or sending anything' })
  declare dryRun: boolean

  async run() {
    const { default: TrackCommandRun } = await import('#actions/operations/track_command_run')
    const { default: SendSessionReminders } = await import('#actions/sessions/send_session_reminders')
    const dryRun = Boolean(this.dryRun)
    const { result } = await TrackCommandRun.handle(
      SessionsRemind.commandName,
      () => SendSessionReminders.handle({ dryRun }),
      ({ ahead, today, emails }) => ({ dry_run: dryRun, ahead: ahead.length, today: today.length, emails })
    )

    if (dryRun) this.logger.info('Dry run: nothing was written or sent')
    const table = this.ui.table()
    table.head(['Reminder', dryRun ? 'Sessions that would be reminded' : 'Sessions reminded'])
    table.row(['Days ahead', String(result.ahead.length)])
    table.row(['This morning', String(result.today.length)])
    table.row(['Emails sent', String(result.emails)])
    table.render()
  }
}
