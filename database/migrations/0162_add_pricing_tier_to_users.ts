import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'users'

  /*
  | SQLite adds or drops a foreign key by rebuilding the users table. Outside a
  | migration transaction knex can switch foreign_keys off for the rebuild, so
  | dropping the old users table does not cascade into every table that points at it.
  */
  static disableTransactions = true

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.uuid('pricing_tier_id').nullable().references('id').inTable('pricing_tiers').onDelete('SET NULL')
      table.index(['pricing_tier_id'])
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropForeign(['pricing_tier_id'])
      table.dropIndex(['pricing_tier_id'])
      table.dropColumn('pricing_tier_id')
    })
  }
}
