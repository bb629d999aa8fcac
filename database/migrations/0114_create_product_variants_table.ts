import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'product_variants'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('product_id').notNullable().references('id').inTable('products').onDelete('CASCADE')
      table.string('sku', 100).notNullable().unique()
      table.string('name', 255).notNullable()
      table.string('size', 50).nullable()
      table.string('material', 50).nullable()
      table.string('color', 50).nullable()
      table.integer('price').notNullable()
      table.integer('stock').nullable()
      table.string('printful_variant_id', 100).nullable()
      table.string('gooten_variant_id', 100).nullable()
      table.boolean('active').notNullable().defaultTo(true)
      table.integer('sort_order').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['product_id', 'sort_order'])
      table.check('price >= 0', [], 'product_variants_price_check')
      table.check('stock is null or stock >= 0', [], 'product_variants_stock_check')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
