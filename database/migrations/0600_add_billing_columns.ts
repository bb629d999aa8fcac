import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Billing runs: an installment's heads-up email is claimed once (`heads_up_sent_at`, set
 * only where empty) and its last failure keeps the provider's code next to the reason; a
 * session whose plan failed is flagged on the calendar until the studio sorts it out.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('plan_installments', (table) => {
      table.timestamp('heads_up_sent_at').nullable()
      table.string('failure_code', 100).nullable()
    })
    this.schema.alterTable('photo_sessions', (table) => {
      table.timestamp('payment_flagged_at').nullable()
    })
  }

  async down() {
    this.schema.alterTable('photo_sessions', (table) => {
      table.dropColumn('payment_flagged_at')
    })
    this.schema.alterTable('plan_installments', (table) => {
      table.dropColumn('failure_code')
      table.dropColumn('heads_up_sent_at')
    })
  }
}
