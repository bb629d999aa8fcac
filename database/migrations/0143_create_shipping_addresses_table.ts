import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'shipping_addresses'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('name', 200).notNullable()
      table.string('line1', 200).notNullable()
      table.string('line2', 200).nullable()
      table.string('city', 100).notNullable()
      table.string('region', 100).nullable()
      table.string('postal_code', 20).notNullable()
      table.specificType('country', 'char(2)').notNullable().defaultTo('US')
      table.string('phone', 32).nullable()
      table.boolean('is_default').notNullable().defaultTo(false)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['user_id'])
    })
    // A partial unique index (same syntax on SQLite and PostgreSQL): one default address per user.
    this.schema.raw(
      'create unique index shipping_addresses_one_default_per_user on shipping_addresses (user_id) where is_default'
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
