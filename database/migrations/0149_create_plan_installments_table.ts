import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'plan_installments'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('payment_plan_id').notNullable().references('id').inTable('payment_plans').onDelete('CASCADE')
      table.integer('sequence').notNullable()
      table.date('due_on').notNullable()
      table.integer('amount').notNullable()
      table.enum('status', ['scheduled', 'processing', 'paid', 'failed']).notNullable().defaultTo('scheduled')
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('next_attempt_at').nullable()
      table.text('failure_reason').nullable()
      table.timestamp('paid_at').nullable()
      // No FK: payments is created later and holds the FK (payments.plan_installment_id).
      table.uuid('payment_id').nullable().index()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()

      table.unique(['payment_plan_id', 'sequence'])
      table.check('sequence >= 1')
      table.check('amount > 0')
      table.check('attempts >= 0')
      table.index(['status', 'due_on'])
      table.index(['status', 'next_attempt_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
