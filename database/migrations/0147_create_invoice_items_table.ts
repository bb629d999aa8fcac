import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'invoice_items'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('invoice_id').notNullable().references('id').inTable('invoices').onDelete('CASCADE')
      table.string('description', 255).notNullable()
      table.integer('quantity').notNullable().defaultTo(1)
      table.integer('unit_amount').notNullable()
      table.integer('position').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()

      table.check('quantity > 0')
      table.check('unit_amount >= 0')
      table.index(['invoice_id', 'position'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
