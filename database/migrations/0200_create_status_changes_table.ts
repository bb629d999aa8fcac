import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The history of every state machine but photo sessions (which keep `session_events`):
 * one row per change, written in the transaction of the compare-and-set that made it.
 */
export default class extends BaseSchema {
  protected tableName = 'status_changes'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('subject_type', 60).notNullable()
      table.uuid('subject_id').notNullable()
      table.string('from_status', 40).nullable()
      table.string('to_status', 40).notNullable()
      table.uuid('actor_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.string('actor_role', 20).nullable()
      // What the system actor was: a command, a job, a webhook.
      table.string('actor_label', 100).nullable()
      table.uuid('kiosk_device_id').nullable().references('id').inTable('kiosk_devices').onDelete('SET NULL')
      table.string('ip', 64).nullable()
      table.text('note').nullable()
      table.timestamp('created_at').notNullable()

      table.index(['subject_type', 'subject_id', 'created_at'])
      table.index(['actor_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
