import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'wishlist_items'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.uuid('product_id').nullable().references('id').inTable('products').onDelete('CASCADE')
      table.uuid('artwork_id').nullable().references('id').inTable('artworks').onDelete('CASCADE')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['user_id', 'product_id'])
      table.unique(['user_id', 'artwork_id'])
      table.index(['product_id'])
      table.index(['artwork_id'])
      table.check(
        '(product_id is null and artwork_id is not null) or (product_id is not null and artwork_id is null)',
        [],
        'wishlist_items_one_subject_check'
      )
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
