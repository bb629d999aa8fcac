import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * `npm start` runs this before migrating: a database that can't be opened ends the
 * start with one line naming it (the SQLite file, or the PostgreSQL host and database)
 * and exit code 1, instead of a stack trace per retry.
 */
export default class DbCheck extends BaseCommand {
  static commandName = 'db:check'
  static description = 'Open the database once; name it in one line and exit 1 when it cannot be opened'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { default: logger } = await import('@adonisjs/core/services/logger')
    // Knex logs every failed connection attempt with its stack: the one line below says it all.
    logger.level = 'fatal'
    const name = db.primaryConnectionName
    const target = describe(name, db.getRawConnection(name)?.config.connection as Record<string, any>)
    try {
      await Promise.race([
        db.rawQuery('select 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 10 seconds')), 10_000).unref()),
      ])
      this.logger.info(`Database: ${target}`)
    } catch (error) {
      this.logger.error(`Cannot open the ${target}: ${(error as Error).message}`)
      this.exitCode = 1
    } finally {
      await db.manager.closeAll().catch(() => {})
    }
  }
}

function describe(name: string, connection: Record<string, any> = {}) {
  if (name === 'sqlite') return `SQLite database at ${connection.filename}`
  return `PostgreSQL database "${connection.database}" on ${connection.host}:${connection.port} (user ${connection.user})`
}
