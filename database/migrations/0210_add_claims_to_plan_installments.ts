import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Who is charging an installment right now: a billing run claims it (status `processing`)
 * with its label and the time, so another run leaves it alone, and a claim left by a run
 * that died can be taken over once it is old enough.
 */
export default class extends BaseSchema {
  protected tableName = 'plan_installments'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.timestamp('claimed_at').nullable()
      table.string('claimed_by', 100).nullable()
      table.index(['status', 'claimed_at'])
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['status', 'claimed_at'])
      table.dropColumn('claimed_by')
      table.dropColumn('claimed_at')
    })
  }
}
