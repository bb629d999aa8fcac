import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'products'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('name', 255).notNullable()
      table.string('slug', 255).notNullable().unique()
      table.text('description').nullable()
      table.string('short_description', 255).nullable()
      table.enum('category', ['prints', 'canvas', 'metal', 'apparel', 'accessories']).notNullable()
      table.uuid('category_id').nullable().references('id').inTable('categories').onDelete('SET NULL')
      table.uuid('photographer_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.integer('base_price').notNullable()
      table.string('printful_product_id', 100).nullable()
      table.string('gooten_product_id', 100).nullable()
      table.json('size_options').nullable()
      table.json('material_options').nullable()
      table.json('color_options').nullable()
      table.json('customization_options').nullable()
      table.boolean('active').notNullable().defaultTo(true)
      table.boolean('featured').notNullable().defaultTo(false)
      table.integer('sort_order').notNullable().defaultTo(0)
      table.json('metadata').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['active', 'category', 'sort_order'])
      table.index(['category_id'])
      table.index(['photographer_id'])
      table.check('base_price >= 0', [], 'products_base_price_check')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
