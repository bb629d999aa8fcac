import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'carts'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('user_id').nullable().unique().references('id').inTable('users').onDelete('CASCADE')
      table.string('guest_token', 64).nullable().unique()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.check('user_id is not null or guest_token is not null', [], 'carts_owner_check')
      table.index(['updated_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
