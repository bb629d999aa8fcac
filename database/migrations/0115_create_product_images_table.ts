import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'product_images'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('product_id').notNullable().references('id').inTable('products').onDelete('CASCADE')
      table.uuid('media_asset_id').notNullable().references('id').inTable('media_assets').onDelete('CASCADE')
      table.integer('position').notNullable().defaultTo(0)
      table.boolean('is_primary').notNullable().defaultTo(false)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['product_id', 'media_asset_id'])
      table.index(['product_id', 'position'])
      table.check('position >= 0', [], 'product_images_position_check')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
