import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * An artwork that was ordered is archived instead of deleted: its order items still name
 * it. The status column's CHECK gains 'archived'. SQLite cannot alter a CHECK, and knex's
 * rebuild of the table would cascade-delete the rows pointing at artworks, so there the
 * column is swapped in place (native ADD, DROP and RENAME COLUMN: no table rebuild).
 */
const swapStatusColumn = (statuses: string[]) => [
  `ALTER TABLE artworks ADD COLUMN status_next text NOT NULL DEFAULT 'draft' CHECK (status_next in (${statuses.map((s) => `'${s}'`).join(', ')}))`,
  'UPDATE artworks SET status_next = status',
  'DROP INDEX artworks_status_sort_order_index',
  'ALTER TABLE artworks DROP COLUMN status',
  'ALTER TABLE artworks RENAME COLUMN status_next TO status',
  'CREATE INDEX artworks_status_sort_order_index ON artworks (status, sort_order)',
]

const replaceCheck = (statuses: string[]) => [
  'ALTER TABLE artworks DROP CONSTRAINT artworks_status_check',
  `ALTER TABLE artworks ADD CONSTRAINT artworks_status_check CHECK (status in (${statuses.map((s) => `'${s}'`).join(', ')}))`,
]

export default class extends BaseSchema {
  async up() {
    this.change(['draft', 'published', 'archived'])
  }

  async down() {
    this.defer(async (db) => {
      await db.from('artworks').where('status', 'archived').update({ status: 'draft' })
    })
    this.change(['draft', 'published'])
  }

  private change(statuses: string[]) {
    const statements = this.db.dialect.name === 'postgres' ? replaceCheck(statuses) : swapStatusColumn(statuses)
    this.defer(async (db) => {
      for (const sql of statements) await db.rawQuery(sql)
    })
  }
}
