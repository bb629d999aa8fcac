import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'concept_images'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.uuid('custom_order_id').nullable().references('id').inTable('custom_orders').onDelete('SET NULL')
      table.text('prompt').notNullable()
      table.uuid('media_asset_id').nullable().references('id').inTable('media_assets').onDelete('SET NULL')
      table.boolean('saved').notNullable().defaultTo(false)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['user_id', 'saved'])
      table.index(['custom_order_id'])
      table.index(['media_asset_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
