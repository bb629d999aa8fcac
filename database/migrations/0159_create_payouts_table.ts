import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'payouts'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('photographer_id').notNullable().references('id').inTable('users').onDelete('RESTRICT')
      table.integer('amount').notNullable()
      table.string('currency', 3).notNullable().defaultTo('USD')
      table.date('period_start').notNullable()
      table.date('period_end').notNullable()
      table.enum('status', ['pending', 'paid', 'failed']).notNullable().defaultTo('pending')
      table.string('reference', 255).nullable()
      table.text('failure_reason').nullable()
      table.timestamp('processed_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()

      // One payout per photographer and period, so a rerun cannot pay twice.
      table.unique(['photographer_id', 'period_start', 'period_end'])
      table.check('amount > 0')
      table.check('period_end >= period_start')
      table.index(['status', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
