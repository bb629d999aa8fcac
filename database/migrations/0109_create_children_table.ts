import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'children'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('parent_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('first_name', 100).notNullable()
      table.string('last_name', 100).notNullable()
      table.date('birth_date').nullable()
      table.enum('preferred_style', ['rock', 'punk', 'metal', 'alternative']).nullable()
      table.text('music_preferences').nullable()
      table.text('style_notes').nullable()
      table.text('special_requirements').nullable()
      table.timestamp('deleted_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['parent_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
