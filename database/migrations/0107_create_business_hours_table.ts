import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'business_hours'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      // ISO weekday as Luxon counts it: 1 = Monday … 7 = Sunday.
      table.smallint('weekday').notNullable()
      // Zero-padded "HH:MM" wall-clock strings in the studio's timezone: they compare and
      // read back the same on SQLite and PostgreSQL, unlike the time type.
      table.string('opens_at', 5).notNullable()
      table.string('closes_at', 5).notNullable()
      table.integer('capacity').notNullable().defaultTo(1)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['weekday', 'opens_at'])
      table.check('weekday between 1 and 7')
      table.check("opens_at between '00:00' and '23:59' and length(opens_at) = 5")
      table.check("closes_at between '00:01' and '24:00' and length(closes_at) = 5")
      table.check('closes_at > opens_at')
      table.check('capacity >= 1')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
