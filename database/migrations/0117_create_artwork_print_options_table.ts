import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'artwork_print_options'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('artwork_id').notNullable().references('id').inTable('artworks').onDelete('CASCADE')
      table.uuid('product_variant_id').notNullable().references('id').inTable('product_variants').onDelete('CASCADE')
      table.integer('price_override').nullable()
      table.boolean('available').notNullable().defaultTo(true)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['artwork_id', 'product_variant_id'])
      table.index(['product_variant_id'])
      table.check('price_override is null or price_override >= 0', [], 'artwork_print_options_price_check')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
