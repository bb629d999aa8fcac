import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Goes up whenever what a gallery's grid shows changes (a photo uploaded, processed,
 * reordered, hidden, edited or deleted; the gallery published): each server process keeps
 * the ordered photo list (and its signed URLs) per version, see CachedGalleryPhotos.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('galleries', (table) => {
      table.integer('photos_version').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.alterTable('galleries', (table) => {
      table.dropColumn('photos_version')
    })
  }
}
