import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Every move of a photo session in time or to another photographer: from where to where,
 * who moved it, and whether a studio member overrode the booking rules (with the reason).
 */
export default class extends BaseSchema {
  protected tableName = 'session_reschedules'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('photo_session_id').notNullable().references('id').inTable('photo_sessions').onDelete('CASCADE')
      table.timestamp('from_starts_at').notNullable()
      table.timestamp('to_starts_at').notNullable()
      table.uuid('from_photographer_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.uuid('to_photographer_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.uuid('actor_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.string('actor_role', 20).nullable()
      table.boolean('overridden').notNullable().defaultTo(false)
      table.text('reason').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['photo_session_id', 'created_at'])
      table.check('overridden = false or reason is not null')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
