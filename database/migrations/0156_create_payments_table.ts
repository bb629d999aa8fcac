import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'payments'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('user_id').nullable().references('id').inTable('users').onDelete('RESTRICT')
      table.uuid('photo_session_id').nullable().references('id').inTable('photo_sessions').onDelete('RESTRICT')
      table.uuid('order_id').nullable().references('id').inTable('orders').onDelete('RESTRICT')
      table.uuid('payment_plan_id').nullable().references('id').inTable('payment_plans').onDelete('RESTRICT')
      table
        .uuid('plan_installment_id')
        .nullable()
        .references('id')
        .inTable('plan_installments')
        .onDelete('RESTRICT')
      // Transformation rows may be purged after download; the payment stays.
      table
        .uuid('transformation_id')
        .nullable()
        .references('id')
        .inTable('transformations')
        .onDelete('SET NULL')
      table
        .uuid('custom_order_milestone_id')
        .nullable()
        .references('id')
        .inTable('custom_order_milestones')
        .onDelete('RESTRICT')
      table.integer('amount').notNullable()
      table.string('currency', 3).notNullable().defaultTo('USD')
      table
        .enum('payment_type', ['deposit', 'balance', 'plan_payment', 'product_purchase', 'transformation', 'milestone'])
        .notNullable()
      table.enum('method', ['card', 'cash', 'in_studio', 'bank_transfer']).notNullable().defaultTo('card')
      table.enum('provider', ['stripe', 'offline']).notNullable().defaultTo('stripe')
      table.string('provider_payment_id', 255).nullable().index()
      table.string('provider_charge_id', 255).nullable()
      table.string('idempotency_key', 255).notNullable().unique()
      table
        .enum('status', ['pending', 'succeeded', 'failed', 'refunded', 'partially_refunded'])
        .notNullable()
        .defaultTo('pending')
      table.string('failure_code', 100).nullable()
      table.text('failure_reason').nullable()
      table.integer('refund_amount').notNullable().defaultTo(0)
      table.text('refund_reason').nullable()
      table.timestamp('processed_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()

      table.check('amount > 0')
      table.check('refund_amount >= 0 and refund_amount <= amount')
      table.index(['user_id', 'created_at'])
      table.index(['status', 'created_at'])
      table.index(['photo_session_id'])
      table.index(['order_id'])
      table.index(['payment_plan_id'])
      table.index(['plan_installment_id'])
      table.index(['transformation_id'])
      table.index(['custom_order_milestone_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
