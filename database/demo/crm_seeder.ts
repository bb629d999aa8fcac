import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { seedContracts } from '#database/demo/crm/contracts'
import { seedConversations } from '#database/demo/crm/conversations'
import { seedNotifications } from '#database/demo/crm/notifications'
import { seedWorkflowRuns } from '#database/demo/crm/workflow_runs'
import { seedAnalytics } from '#database/demo/crm/analytics'

/**
 * The studio's paperwork and traffic (runs last, over everything else): contracts for
 * sessions, conversations with families, notifications, workflow runs, analytics events.
 */
export default class CrmSeeder extends BaseSeeder {
  static scale = 1

  async run() {
    const scale = (this.constructor as typeof CrmSeeder).scale
    await seedContracts(this.client)
    await seedConversations(this.client, 15 * scale)
    await seedWorkflowRuns(this.client)
    await seedNotifications(this.client)
    await seedAnalytics(this.client, 500 * scale)
  }
}
