import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'invoices'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('number', 32).notNullable().unique()
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('RESTRICT')
      table.uuid('photo_session_id').nullable().references('id').inTable('photo_sessions').onDelete('RESTRICT')
      table.uuid('order_id').nullable().references('id').inTable('orders').onDelete('RESTRICT')
      // No FK: custom_orders is created later (0150); the app keeps this link consistent.
      table.uuid('custom_order_id').nullable().index()
      table.enum('status', ['draft', 'open', 'paid', 'void']).notNullable().defaultTo('draft')
      table.integer('subtotal').notNullable().defaultTo(0)
      table.integer('tax_amount').notNullable().defaultTo(0)
      table.integer('total').notNullable().defaultTo(0)
      table.integer('amount_paid').notNullable().defaultTo(0)
      table.string('currency', 3).notNullable().defaultTo('USD')
      table.date('due_on').nullable()
      table.timestamp('issued_at').nullable()
      table.timestamp('paid_at').nullable()
      table.timestamp('voided_at').nullable()
      table.text('notes').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()

      table.check('subtotal >= 0 and tax_amount >= 0 and total >= 0')
      table.check('amount_paid >= 0')
      table.index(['status', 'due_on'])
      table.index(['user_id', 'created_at'])
      table.index(['photo_session_id'])
      table.index(['order_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
