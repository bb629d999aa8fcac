import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'artworks'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('title', 255).notNullable()
      table.string('slug', 255).notNullable().unique()
      table.text('description').nullable()
      table.uuid('category_id').nullable().references('id').inTable('categories').onDelete('SET NULL')
      table.uuid('photographer_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.uuid('media_asset_id').nullable().references('id').inTable('media_assets').onDelete('SET NULL')
      table.string('camera', 100).nullable()
      table.string('film_stock', 100).nullable()
      table.string('location', 255).nullable()
      table.date('captured_on').nullable()
      table.boolean('featured').notNullable().defaultTo(false)
      table.enum('status', ['draft', 'published']).notNullable().defaultTo('draft')
      table.integer('sort_order').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['status', 'sort_order'])
      table.index(['category_id'])
      table.index(['photographer_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
