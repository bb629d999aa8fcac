import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A public share link lets its visitor in straight away: a visitor without an email until
 * they first favourite a photo (the email then keys their favourites, as for everyone).
 */
export default class extends BaseSchema {
  protected tableName = 'gallery_visitors'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('email', 254).nullable().alter()
    })
  }

  async down() {
    this.defer(async (db) => {
      await db.from(this.tableName).whereNull('email').delete()
    })
    this.schema.alterTable(this.tableName, (table) => {
      table.string('email', 254).notNullable().alter()
    })
  }
}
