import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'workflows'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('name', 150).notNullable().unique()
      table.string('description', 255).nullable()
      table
        .enum('trigger', [
          'inquiry.created',
          'session.booked',
          'session.confirmed',
          'session.completed',
          'session.cancelled',
          'gallery.published',
          'gallery.expiring',
          'contract.sent',
          'order.shipped',
          'order.delivered',
          'installment.failed',
        ])
        .notNullable()
      table.boolean('active').notNullable().defaultTo(true)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['trigger', 'active'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
