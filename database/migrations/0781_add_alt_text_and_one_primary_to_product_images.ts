import { BaseSchema } from '@adonisjs/lucid/schema'

/** Product images get the alt text the shop shows, and at most one primary image per product. */
export default class extends BaseSchema {
  protected tableName = 'product_images'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('alt_text', 255).nullable()
    })
    // A partial unique index (PostgreSQL and SQLite alike): two "make primary" clicks can't leave two.
    this.defer(async (db) => {
      await db.rawQuery('CREATE UNIQUE INDEX product_images_one_primary ON product_images (product_id) WHERE is_primary')
    })
  }

  async down() {
    this.defer(async (db) => {
      await db.rawQuery('DROP INDEX product_images_one_primary')
    })
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('alt_text')
    })
  }
}
