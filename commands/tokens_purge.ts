import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class TokensPurge extends BaseCommand {
  static commandName = 'tokens:purge'
  static description = 'Delete expired or used email tokens, expired sign-in links and codes, remember-me tokens and rate-limit rows'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: PurgeExpiredTokens } = await import('#actions/auth/purge_expired_tokens')
    const counts = await PurgeExpiredTokens.handle()
    const table = this.ui.table()
    table.head(['What', 'Deleted'])
    for (const [what, count] of Object.entries(counts)) table.row([what, String(count)])
    table.render()
  }
}
