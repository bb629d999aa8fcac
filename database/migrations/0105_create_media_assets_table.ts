import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'media_assets'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('disk', 40).notNullable().defaultTo('fs')
      table.string('key', 500).notNullable()
      table.string('original_filename', 255).nullable()
      table.string('mime_type', 100).notNullable()
      table.bigInteger('byte_size').nullable()
      table.integer('width').nullable()
      table.integer('height').nullable()
      table.json('variants').nullable()
      table.string('dominant_color', 7).nullable()
      table.json('tags').nullable()
      table.json('exif').nullable()
      table.enum('status', ['processing', 'ready', 'failed']).notNullable().defaultTo('processing')
      table.text('error').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['disk', 'key'])
      table.index(['status'])
      table.check('byte_size is null or byte_size >= 0', [], 'media_assets_byte_size_check')
      table.check('(width is null or width > 0) and (height is null or height > 0)', [], 'media_assets_dimensions_check')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
