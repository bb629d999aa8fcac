import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'audit_logs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('actor_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.string('action', 100).notNullable()
      table.string('subject_type', 60).nullable()
      table.string('subject_id', 64).nullable()
      table.json('details').nullable()
      table.string('ip', 64).nullable()
      table.timestamp('created_at').notNullable()
      table.index(['created_at'])
      table.index(['subject_type', 'subject_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
