import { BaseSchema } from '@adonisjs/lucid/schema'

const STATUSES = ['booked', 'confirmed', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show']

export default class extends BaseSchema {
  protected tableName = 'session_events'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('photo_session_id').notNullable().references('id').inTable('photo_sessions').onDelete('CASCADE')
      // null from_status = the booking itself
      table.enum('from_status', STATUSES).nullable()
      table.enum('to_status', STATUSES).notNullable()
      table.uuid('actor_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.uuid('kiosk_device_id').nullable().references('id').inTable('kiosk_devices').onDelete('SET NULL')
      table.text('note').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()

      table.index(['photo_session_id', 'created_at'])
      table.index(['actor_id'])
      table.index(['kiosk_device_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
