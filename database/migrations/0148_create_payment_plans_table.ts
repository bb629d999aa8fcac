import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'payment_plans'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('RESTRICT')
      table.uuid('photo_session_id').nullable().references('id').inTable('photo_sessions').onDelete('RESTRICT')
      table.uuid('invoice_id').nullable().references('id').inTable('invoices').onDelete('RESTRICT')
      table.enum('plan_type', ['full', '2_pay', '3_pay', '4_pay']).notNullable()
      table.integer('total_amount').notNullable()
      table.string('currency', 3).notNullable().defaultTo('USD')
      table.integer('payments_total').notNullable()
      table.integer('payments_completed').notNullable().defaultTo(0)
      table.date('next_charge_on').nullable()
      table
        .enum('status', ['active', 'completed', 'past_due', 'failed', 'cancelled'])
        .notNullable()
        .defaultTo('active')
      table.integer('failure_count').notNullable().defaultTo(0)
      table.string('stripe_customer_id', 255).nullable()
      table.string('stripe_payment_method_id', 255).nullable()
      table.timestamp('cancelled_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()

      table.check('photo_session_id is not null or invoice_id is not null')
      table.check('total_amount > 0')
      table.check('payments_total between 1 and 4')
      table.check('payments_completed >= 0 and payments_completed <= payments_total')
      table.check('failure_count >= 0')
      // The billing run looks up active plans by their next charge date.
      table.index(['status', 'next_charge_on'])
      table.index(['user_id'])
      table.index(['photo_session_id'])
      table.index(['invoice_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
