import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'session_children'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('photo_session_id').notNullable().references('id').inTable('photo_sessions').onDelete('CASCADE')
      table.uuid('child_id').notNullable().references('id').inTable('children').onDelete('CASCADE')
      table.boolean('primary_child').notNullable().defaultTo(false)
      table.text('styling_requests').nullable()
      table.boolean('completed_styling').notNullable().defaultTo(false)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()

      table.unique(['photo_session_id', 'child_id'])
      table.index(['child_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
