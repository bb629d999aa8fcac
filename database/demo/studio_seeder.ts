import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { seedBlackouts, seedHours, seedSettings } from '#database/demo/studio/settings'
import { seedFamilies, seedPhotographers } from '#database/demo/studio/people'
import { seedPhotographerBlackouts, seedWorkingDays } from '#database/demo/studio/working_days'
import { seedChildren } from '#database/demo/studio/children'
import { seedInquiries } from '#database/demo/studio/inquiries'
import { seedTemplates } from '#database/demo/studio/templates'
import { seedWorkflows } from '#database/demo/studio/workflows'

export { DEMO_PHOTOGRAPHERS, familyEmail } from '#database/demo/studio/people'

/**
 * The studio itself (runs right after accounts): settings, weekly hours, blackout days,
 * 3 photographers with profiles and their working weeks (and a day off each), 40 families (familyNN@loupe.test) with ~70 children,
 * inquiries in every status, contract and email templates, workflows with steps.
 */
export default class StudioSeeder extends BaseSeeder {
  static scale = 1

  async run() {
    const scale = (this.constructor as typeof StudioSeeder).scale
    const client = this.client
    await seedSettings(client)
    await seedHours(client)
    await seedBlackouts(client)
    await seedPhotographers(client)
    await seedWorkingDays(client)
    await seedPhotographerBlackouts(client)
    await seedFamilies(client, 40 * scale)
    await seedChildren(client, 40 * scale)
    await seedInquiries(client, 16 * scale)
    await seedTemplates(client)
    await seedWorkflows(client)
  }
}
