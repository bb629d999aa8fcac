import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The weekdays each photographer works, optionally with their own hours inside the
 * studio's (null = the studio's hours that day). No row for a weekday = day off.
 */
export default class extends BaseSchema {
  protected tableName = 'photographer_working_days'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      // ISO weekday: 1 = Monday … 7 = Sunday.
      table.smallint('weekday').notNullable()
      // "HH:MM" wall clock in the studio's timezone, like business_hours.
      table.string('starts_at', 5).nullable()
      table.string('ends_at', 5).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['user_id', 'weekday'])
      table.check('weekday between 1 and 7')
      table.check('(starts_at is null) = (ends_at is null)')
      table.check('ends_at is null or ends_at > starts_at')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
