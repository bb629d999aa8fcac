import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'cart_items'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('cart_id').notNullable().references('id').inTable('carts').onDelete('CASCADE')
      table.uuid('product_variant_id').notNullable().references('id').inTable('product_variants').onDelete('CASCADE')
      table.uuid('photo_id').nullable().references('id').inTable('photos').onDelete('CASCADE')
      table.uuid('artwork_id').nullable().references('id').inTable('artworks').onDelete('CASCADE')
      table.integer('quantity').notNullable().defaultTo(1)
      table.json('customization').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.check('quantity between 1 and 100', [], 'cart_items_quantity_check')
      table.check('photo_id is null or artwork_id is null', [], 'cart_items_one_image_check')
      table.index(['cart_id'])
      table.index(['product_variant_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
