import { BaseSchema } from '@adonisjs/lucid/schema'

/** Emailed sign-in links are looked up by the digest of their token. */
export default class extends BaseSchema {
  protected tableName = 'one_time_codes'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.index(['code_hash'])
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['code_hash'])
    })
  }
}
