import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What booking adds to a photo session: the check-in token the QR code carries (random,
 * 256 bits, unique), the parallel set it runs in, who cancelled, the .ics sequence
 * (calendars replace an event only when it grows) and the two reminder claims.
 */
export default class extends BaseSchema {
  protected tableName = 'photo_sessions'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('check_in_token', 64).nullable().unique()
      table.integer('set_number').nullable()
      table.uuid('cancelled_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.integer('calendar_sequence').notNullable().defaultTo(0)
      table.timestamp('reminder_sent_at').nullable()
      table.timestamp('day_reminder_sent_at').nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropUnique(['check_in_token'])
      table.dropForeign(['cancelled_by'])
      table.dropColumn('check_in_token')
      table.dropColumn('set_number')
      table.dropColumn('cancelled_by')
      table.dropColumn('calendar_sequence')
      table.dropColumn('reminder_sent_at')
      table.dropColumn('day_reminder_sent_at')
    })
  }
}
