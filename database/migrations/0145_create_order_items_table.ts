import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'order_items'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('order_id').notNullable().references('id').inTable('orders').onDelete('CASCADE')
      // A sold variant stays in the catalogue (deactivated), so the order can always say what was bought.
      table.uuid('product_variant_id').notNullable().references('id').inTable('product_variants').onDelete('RESTRICT')
      table.uuid('photo_id').nullable().references('id').inTable('photos').onDelete('SET NULL')
      table.uuid('artwork_id').nullable().references('id').inTable('artworks').onDelete('SET NULL')
      table.uuid('photographer_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.integer('quantity').notNullable().defaultTo(1)
      table.integer('unit_price').notNullable()
      table.integer('total_price').notNullable()
      table.json('customization').nullable()
      table.enum('fulfillment_provider', ['in_house', 'printful', 'gooten']).notNullable().defaultTo('in_house')
      table.string('provider_order_id', 255).nullable()
      table
        .enum('fulfillment_status', ['pending', 'submitted', 'in_production', 'shipped', 'delivered', 'failed', 'cancelled'])
        .notNullable()
        .defaultTo('pending')
      table.string('tracking_number', 255).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.check('quantity > 0', [], 'order_items_quantity_check')
      table.check('unit_price >= 0 and total_price = unit_price * quantity', [], 'order_items_price_check')
      table.check('photo_id is null or artwork_id is null', [], 'order_items_one_image_check')
      table.index(['order_id'])
      table.index(['photo_id'])
      table.index(['artwork_id'])
      table.index(['product_variant_id'])
      table.index(['photographer_id'])
      table.index(['fulfillment_status', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
