import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The studio's watermark as a design (text or PNG logo, opacity, size, placement or tiled
 * angle) with a version moved by every change, and on each image the version its
 * watermarked files were made with: "re-made for 120 of 300 photos" is a count of those.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('studio_settings', (table) => {
      table.string('watermark_logo_key', 255).nullable()
      table.integer('watermark_opacity').notNullable().defaultTo(35)
      table.integer('watermark_size').notNullable().defaultTo(8)
      table.string('watermark_placement', 20).notNullable().defaultTo('tiled')
      table.integer('watermark_angle').notNullable().defaultTo(30)
      table.integer('watermark_version').notNullable().defaultTo(1)
    })
    this.schema.alterTable('media_assets', (table) => {
      table.integer('watermark_version').nullable()
    })
  }

  async down() {
    this.schema.alterTable('media_assets', (table) => {
      table.dropColumn('watermark_version')
    })
    this.schema.alterTable('studio_settings', (table) => {
      for (const column of ['watermark_logo_key', 'watermark_opacity', 'watermark_size', 'watermark_placement', 'watermark_angle', 'watermark_version']) {
        table.dropColumn(column)
      }
    })
  }
}
