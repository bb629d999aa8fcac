import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Invoices learn what they bill (`kind`), a commission milestone, an order discount and
 * what was refunded; a payment knows the invoice it settled; every refund is a row of its
 * own under a unique idempotency key, so a double submit refunds once.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('invoices', (table) => {
      table.string('kind', 16).notNullable().defaultTo('other')
      // No FK, like custom_order_id: the app keeps the link consistent.
      table.uuid('custom_order_milestone_id').nullable().index()
      table.integer('discount_amount').notNullable().defaultTo(0)
      table.integer('refunded_amount').notNullable().defaultTo(0)
      table.timestamp('sent_at').nullable()
      table.index(['photo_session_id', 'kind', 'status'])
    })
    this.schema.alterTable('payments', (table) => {
      table.uuid('invoice_id').nullable().references('id').inTable('invoices').onDelete('SET NULL')
      table.index(['invoice_id'])
    })
    this.schema.createTable('refunds', (table) => {
      table.uuid('id').primary()
      table.uuid('payment_id').notNullable().references('id').inTable('payments').onDelete('RESTRICT')
      table.uuid('invoice_id').nullable().references('id').inTable('invoices').onDelete('SET NULL')
      table.integer('amount').notNullable()
      table.string('currency', 3).notNullable()
      table.text('reason').notNullable()
      table.string('idempotency_key', 255).notNullable().unique()
      table.enum('status', ['processing', 'succeeded', 'pending', 'failed']).notNullable()
      table.string('provider_refund_id', 255).nullable()
      table.string('failure_code', 100).nullable()
      table.text('failure_reason').nullable()
      table.uuid('actor_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.check('amount > 0')
      table.index(['payment_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable('refunds')
    this.schema.alterTable('payments', (table) => {
      table.dropForeign(['invoice_id'])
      table.dropIndex(['invoice_id'])
      table.dropColumn('invoice_id')
    })
    this.schema.alterTable('invoices', (table) => {
      table.dropIndex(['photo_session_id', 'kind', 'status'])
      table.dropIndex(['custom_order_milestone_id'])
      table.dropColumn('kind')
      table.dropColumn('custom_order_milestone_id')
      table.dropColumn('discount_amount')
      table.dropColumn('refunded_amount')
      table.dropColumn('sent_at')
    })
  }
}
