import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'studio_settings'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      // Always true and unique: the table can never hold a second row.
      table.boolean('singleton').notNullable().defaultTo(true).unique()
      table.string('name', 150).notNullable()
      table.string('email', 254).nullable()
      table.string('phone', 32).nullable()
      table.text('address').nullable()
      table.string('timezone', 64).notNullable().defaultTo('America/New_York')
      table.specificType('currency', 'char(3)').notNullable().defaultTo('USD')
      table.integer('tax_rate_bps').notNullable().defaultTo(0)
      table.integer('deposit_percent').notNullable().defaultTo(25)
      table.integer('cancellation_window_hours').notNullable().defaultTo(48)
      table.integer('free_transformations').notNullable().defaultTo(5)
      table.string('watermark_text', 120).nullable()
      table.integer('gallery_default_days').notNullable().defaultTo(30)
      table.integer('gallery_reminder_days').notNullable().defaultTo(7)
      table.integer('session_reminder_hours').notNullable().defaultTo(48)
      table.integer('slot_minutes').notNullable().defaultTo(30)
      table.integer('booking_min_notice_hours').notNullable().defaultTo(24)
      table.integer('booking_horizon_days').notNullable().defaultTo(90)
      table.integer('payment_retry_days').notNullable().defaultTo(3)
      table.integer('max_payment_attempts').notNullable().defaultTo(3)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.check('singleton = true')
      table.check('tax_rate_bps between 0 and 10000')
      table.check('deposit_percent between 0 and 100')
      table.check('cancellation_window_hours >= 0')
      table.check('free_transformations >= 0')
      table.check('gallery_default_days >= 1')
      table.check('gallery_reminder_days >= 0')
      table.check('session_reminder_hours >= 0')
      table.check('slot_minutes between 5 and 240')
      table.check('booking_min_notice_hours >= 0')
      table.check('booking_horizon_days >= 1')
      table.check('payment_retry_days >= 1')
      table.check('max_payment_attempts >= 1')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
