import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A booking in progress, step by step, kept on the server so a guest can sign up at the
 * last step without losing anything. `photo_session_id` is set once, by the confirmation
 * that created the session (a second click finds it and books nothing twice).
 */
export default class extends BaseSchema {
  protected tableName = 'booking_drafts'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('user_id').nullable().references('id').inTable('users').onDelete('CASCADE')
      table.uuid('package_id').notNullable().references('id').inTable('packages').onDelete('CASCADE')
      table.timestamp('starts_at').nullable()
      table.uuid('photographer_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      // Children, notes and the payment choice (never queried by field).
      table.json('data').nullable()
      table.uuid('photo_session_id').nullable().unique().references('id').inTable('photo_sessions').onDelete('SET NULL')
      table.timestamp('expires_at').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['user_id'])
      table.index(['expires_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
