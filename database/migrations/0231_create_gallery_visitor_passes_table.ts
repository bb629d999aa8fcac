import { randomUUID } from 'node:crypto'
import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One pass per browser a visitor entered a gallery from (the cookie's token, hashed), so
 * admitting the same email elsewhere never signs the other browsers out. A pass is good
 * only under the gallery's access version it was issued with.
 */
export default class extends BaseSchema {
  protected tableName = 'gallery_visitor_passes'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('gallery_visitor_id').notNullable().references('id').inTable('gallery_visitors').onDelete('CASCADE')
      table.string('token_hash', 64).notNullable().unique()
      table.integer('access_version').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['gallery_visitor_id'])
    })

    // The one token each visitor had becomes their first pass.
    this.defer(async (db) => {
      const visitors = await db
        .from('gallery_visitors')
        .join('galleries', 'galleries.id', 'gallery_visitors.gallery_id')
        .whereNotNull('gallery_visitors.token_hash')
        .select('gallery_visitors.id', 'gallery_visitors.token_hash', 'galleries.access_version', 'gallery_visitors.updated_at')
      for (const visitor of visitors) {
        await db.table(this.tableName).insert({
          id: randomUUID(),
          gallery_visitor_id: visitor.id,
          token_hash: visitor.token_hash,
          access_version: visitor.access_version,
          created_at: visitor.updated_at,
          updated_at: visitor.updated_at,
        })
      }
    })
    this.schema.alterTable('gallery_visitors', (table) => {
      table.dropUnique(['token_hash'])
      table.dropColumn('token_hash')
    })
  }

  async down() {
    this.schema.alterTable('gallery_visitors', (table) => {
      table.string('token_hash', 64).nullable().unique()
    })
    this.schema.dropTable(this.tableName)
  }
}
