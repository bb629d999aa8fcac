import { BaseSeeder } from '@adonisjs/lucid/seeders'

/**
 * Runs every demo seeder in order. Each one is idempotent: running `node ace db:seed`
 * twice creates nothing twice.
 */
export default class MainSeeder extends BaseSeeder {
  static environment = ['development', 'test', 'production']

  private async seed(module: { default: typeof BaseSeeder }) {
    await new module.default(this.client).run()
  }

  async run() {
    await this.seed(await import('#database/demo/accounts_seeder'))
  }
}
