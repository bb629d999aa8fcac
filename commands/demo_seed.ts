import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Used by `npm start`: seeds the demo studio only into an empty database, and never in
 * production (its passwords are printed in the README): there it says how to create the
 * first admin while there is none.
 */
export default class DemoSeed extends BaseCommand {
  static commandName = 'demo:seed'
  static description = 'Seed the demo studio when the database has no users yet (--force: always; --scale=10: bigger)'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Seed even when the database already has users' })
  declare force: boolean

  @flags.number({ description: 'Multiply the demo counts (e.g. 10 for benchmarks)', default: 1 })
  declare scale: number

  async run() {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    if (this.app.inProduction) return this.adviseFirstAdmin(db)
    const [{ total }] = await db.from('users').count('* as total')
    if (Number(total) > 0 && !this.force) {
      this.logger.info('The database already has data: demo seed skipped')
      return
    }
    const { default: MainSeeder } = await import('#database/seeders/main_seeder')
    MainSeeder.scale = this.scale
    const started = Date.now()
    await new MainSeeder(db.connection()).run()
    this.logger.success(`Demo studio seeded (scale ${this.scale}) in ${((Date.now() - started) / 1000).toFixed(1)}s`)
  }

  private async adviseFirstAdmin(db: typeof import('@adonisjs/lucid/services/db').default) {
    if (this.force) {
      this.logger.error('The demo studio is never seeded in production: its passwords are public.')
      this.exitCode = 1
      return
    }
    const admin = await db.from('users').where('role', 'admin').whereNull('deleted_at').first()
    if (admin) return
    this.logger.info('Production: no demo data and no admin yet. Create the first admin (it asks for the password):')
    this.logger.info('  node ace user:create --email=you@your-studio.com --role=admin --name="Your Name"')
  }
}
