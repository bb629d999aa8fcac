import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'messages'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('conversation_id').notNullable().references('id').inTable('conversations').onDelete('CASCADE')
      table.uuid('sender_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.text('body').notNullable()
      table.timestamp('read_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['conversation_id', 'created_at'])
      table.index(['sender_id'])
      table.check('length(body) > 0')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
