import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'analytics_events'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table
        .enum('name', [
          'page_view',
          'artwork_view',
          'product_view',
          'gallery_view',
          'search',
          'add_to_cart',
          'checkout_started',
          'purchase',
        ])
        .notNullable()
      table.string('path', 500).notNullable()
      // Polymorphic subject (artwork, product, gallery, order): no FK, indexed.
      table.string('subject_type', 60).nullable()
      table.uuid('subject_id').nullable()
      // A salted hash of the visitor, never a raw IP.
      table.specificType('visitor_hash', 'char(64)').notNullable()
      table.string('referrer', 500).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['name', 'created_at'])
      table.index(['created_at'])
      table.index(['subject_type', 'subject_id'])
      table.index(['visitor_hash'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
