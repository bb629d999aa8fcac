import { BaseSchema } from '@adonisjs/lucid/schema'

/** When the studio started editing the submitted selection: from then on the family can no longer reopen it. */
export default class extends BaseSchema {
  protected tableName = 'galleries'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.timestamp('selection_editing_started_at').nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('selection_editing_started_at')
    })
  }
}
