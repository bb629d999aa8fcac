import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'conversations'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('customer_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('subject', 200).notNullable()
      // Polymorphic link to what the conversation is about: no FK, indexed.
      table.enum('related_type', ['photo_session', 'order', 'custom_order', 'product']).nullable()
      table.uuid('related_id').nullable()
      table.timestamp('last_message_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['customer_id', 'last_message_at'])
      table.index(['related_type', 'related_id'])
      table.check(
        '(related_type is null and related_id is null) or (related_type is not null and related_id is not null)'
      )
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
