import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Goes up with each heart a visitor adds or takes off: each server process keeps the
 * visitor's favourites per version (read with the visitor's pass on every view, so the
 * gallery page needs no query for them). See ListGalleryPhotos.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('gallery_visitors', (table) => {
      table.integer('favorites_version').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.alterTable('gallery_visitors', (table) => {
      table.dropColumn('favorites_version')
    })
  }
}
