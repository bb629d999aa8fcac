import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'email_logs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('to', 254).notNullable()
      table.string('subject', 255).notNullable()
      table.string('template_key', 100).nullable()
      table.enum('status', ['queued', 'sent', 'failed', 'not_sent']).notNullable()
      table.text('error').nullable()
      table.string('message_id', 255).nullable()
      table.text('html').nullable()
      table.text('text').nullable()
      table.timestamp('sent_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['created_at'])
      table.index(['to'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
