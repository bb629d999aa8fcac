import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'one_time_codes'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('user_id').nullable().references('id').inTable('users').onDelete('CASCADE')
      table.enum('channel', ['sms', 'email']).notNullable()
      table.string('destination', 254).notNullable()
      table.string('code_hash', 255).notNullable()
      table.enum('purpose', ['login', 'verify']).notNullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('expires_at').notNullable()
      table.timestamp('consumed_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.check('attempts >= 0')
      table.index(['channel', 'destination', 'purpose', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
