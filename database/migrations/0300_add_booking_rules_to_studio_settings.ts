import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The availability rules that aren't on the table yet: buffers around a session, a daily
 * maximum, how long before a session a payment plan's last installment falls due, and a
 * 15-minute slot grid by default (Cal.com's).
 */
export default class extends BaseSchema {
  protected tableName = 'studio_settings'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.integer('buffer_before_minutes').notNullable().defaultTo(0)
      table.integer('buffer_after_minutes').notNullable().defaultTo(0)
      // null: no daily maximum beyond the hours and capacity.
      table.integer('max_sessions_per_day').nullable()
      table.integer('plan_final_due_days').notNullable().defaultTo(7)
    })
    this.schema.alterTable(this.tableName, (table) => {
      table.integer('slot_minutes').notNullable().defaultTo(15).alter()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.integer('slot_minutes').notNullable().defaultTo(30).alter()
    })
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('buffer_before_minutes')
      table.dropColumn('buffer_after_minutes')
      table.dropColumn('max_sessions_per_day')
      table.dropColumn('plan_final_due_days')
    })
  }
}
