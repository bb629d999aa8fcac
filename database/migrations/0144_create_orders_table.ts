import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'orders'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('order_number', 32).notNullable().unique()
      // Orders are financial records: they outlive the account (guest checkout has none).
      table.uuid('user_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.string('customer_email', 254).notNullable()
      table.uuid('photo_session_id').nullable().references('id').inTable('photo_sessions').onDelete('SET NULL')
      table
        .enum('status', ['pending', 'paid', 'in_production', 'shipped', 'delivered', 'cancelled', 'refunded'])
        .notNullable()
        .defaultTo('pending')
      table.integer('subtotal').notNullable()
      table.integer('tax_amount').notNullable().defaultTo(0)
      table.integer('shipping_amount').notNullable().defaultTo(0)
      table.integer('discount_amount').notNullable().defaultTo(0)
      table.integer('total_amount').notNullable()
      table.specificType('currency', 'char(3)').notNullable().defaultTo('USD')
      table.json('shipping_address').nullable()
      table.json('billing_address').nullable()
      table.uuid('discount_code_id').nullable().references('id').inTable('discount_codes').onDelete('RESTRICT')
      table.string('provider_payment_id', 255).nullable()
      table.json('tracking_numbers').nullable()
      table.date('estimated_delivery').nullable()
      table.timestamp('paid_at').nullable()
      table.timestamp('shipped_at').nullable()
      table.timestamp('delivered_at').nullable()
      table.timestamp('cancelled_at').nullable()
      table.timestamp('refunded_at').nullable()
      table.text('notes').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.check(
        'subtotal >= 0 and tax_amount >= 0 and shipping_amount >= 0 and discount_amount >= 0',
        [],
        'orders_amounts_check'
      )
      table.check(
        'total_amount = subtotal + tax_amount + shipping_amount - discount_amount and total_amount >= 0',
        [],
        'orders_total_check'
      )
      table.index(['status', 'created_at'])
      table.index(['user_id', 'created_at'])
      table.index(['photo_session_id'])
      table.index(['discount_code_id'])
      table.index(['provider_payment_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
