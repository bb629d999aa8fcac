import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'photo_sessions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('session_number', 32).notNullable().unique()
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('RESTRICT')
      table.uuid('package_id').notNullable().references('id').inTable('packages').onDelete('RESTRICT')
      table.uuid('photographer_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('starts_at').notNullable()
      table.integer('estimated_duration').notNullable().defaultTo(60)
      table
        .enum('status', ['booked', 'confirmed', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show'])
        .notNullable()
        .defaultTo('booked')
      table.integer('total_amount').notNullable()
      table.integer('deposit_amount').notNullable().defaultTo(0)
      table.integer('balance_due').notNullable()
      table.string('currency', 3).notNullable().defaultTo('USD')
      table.text('special_requests').nullable()
      table.text('preparation_notes').nullable()
      table.text('styling_notes').nullable()
      table.text('photographer_notes').nullable()
      table.text('completion_notes').nullable()
      table.timestamp('checked_in_at').nullable()
      table.uuid('checked_in_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.uuid('kiosk_device_id').nullable().references('id').inTable('kiosk_devices').onDelete('SET NULL')
      table.timestamp('cancelled_at').nullable()
      table.text('cancellation_reason').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()

      table.check('estimated_duration > 0')
      table.check('total_amount >= 0')
      table.check('deposit_amount >= 0 and deposit_amount <= total_amount')
      table.check('balance_due >= 0 and balance_due <= total_amount')
      table.index(['starts_at', 'status'])
      table.index(['user_id', 'starts_at'])
      table.index(['photographer_id', 'starts_at'])
      table.index(['package_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
