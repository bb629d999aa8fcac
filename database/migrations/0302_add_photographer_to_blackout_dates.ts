import { BaseSchema } from '@adonisjs/lucid/schema'

const NO_PHOTOGRAPHER = '00000000-0000-0000-0000-000000000000'

/**
 * A blackout is studio-wide (no photographer) or one photographer's day off. One row per
 * day and photographer; nulls compare as distinct in unique indexes, so the studio-wide
 * rows are kept unique through a coalesce.
 */
export default class extends BaseSchema {
  protected tableName = 'blackout_dates'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.uuid('photographer_id').nullable().references('id').inTable('users').onDelete('CASCADE')
      table.dropUnique(['date'])
      table.index(['date'])
    })
    this.defer(async (db) => {
      await db.rawQuery(
        `create unique index blackout_dates_date_photographer_unique on blackout_dates (date, coalesce(photographer_id, '${NO_PHOTOGRAPHER}'))`
      )
    })
  }

  async down() {
    this.defer(async (db) => {
      await db.rawQuery('drop index blackout_dates_date_photographer_unique')
    })
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['date'])
      table.dropForeign(['photographer_id'])
      table.dropColumn('photographer_id')
      table.unique(['date'])
    })
  }
}
