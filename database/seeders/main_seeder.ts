import { BaseSeeder } from '@adonisjs/lucid/seeders'
import env from '#start/env'

type DemoSeeder = typeof BaseSeeder & { scale?: number }

/** The demo studio, in dependency order. Later seeders find earlier rows by natural keys. */
const DEMO_SEEDERS: (() => Promise<{ default: DemoSeeder }>)[] = [
  () => import('#database/demo/accounts_seeder'),
  () => import('#database/demo/studio_seeder'),
  () => import('#database/demo/catalogue_seeder'),
  () => import('#database/demo/bookings_seeder'),
  () => import('#database/demo/galleries_seeder'),
  () => import('#database/demo/commerce_seeder'),
  () => import('#database/demo/crm_seeder'),
]

/**
 * `node ace db:seed` builds the demo studio. Every step is idempotent: running it twice
 * creates nothing twice. DEMO_SCALE=10 multiplies the counts (benchmarks only).
 */
export default class MainSeeder extends BaseSeeder {
  static environment = ['development', 'test', 'production']

  static scale = env.get('DEMO_SCALE', 1)

  async run() {
    const scale = Math.max(1, Math.round(MainSeeder.scale) || 1)
    for (const load of DEMO_SEEDERS) {
      const { default: Seeder } = await load()
      if ('scale' in Seeder) Seeder.scale = scale
      await new Seeder(this.client).run()
    }
  }
}
