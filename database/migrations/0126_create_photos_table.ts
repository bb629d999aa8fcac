import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'photos'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('gallery_id').notNullable().references('id').inTable('galleries').onDelete('CASCADE')
      // RESTRICT: an asset in use by a photo is purged only after the photo is
      table.uuid('media_asset_id').notNullable().references('id').inTable('media_assets').onDelete('RESTRICT')
      table.string('alt_text', 255).nullable()
      table.enum('editing_status', ['raw', 'editing', 'edited', 'approved']).notNullable().defaultTo('raw')
      table.boolean('is_complimentary').notNullable().defaultTo(false)
      table.boolean('is_featured').notNullable().defaultTo(false)
      table.boolean('is_hidden').notNullable().defaultTo(false)
      table.integer('sort_order').notNullable().defaultTo(0)
      table.text('photographer_notes').nullable()
      table.text('editing_notes').nullable()
      table.timestamp('deleted_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['gallery_id', 'sort_order'])
      table.index(['media_asset_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
