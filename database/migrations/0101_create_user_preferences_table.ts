import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'user_preferences'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('user_id').notNullable().unique().references('id').inTable('users').onDelete('CASCADE')
      table.boolean('notify_email').notNullable().defaultTo(true)
      table.boolean('notify_sms').notNullable().defaultTo(false)
      table.specificType('currency', 'char(3)').notNullable().defaultTo('USD')
      table.string('locale', 16).notNullable().defaultTo('en')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
