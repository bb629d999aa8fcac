import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A package's preparation checklist (one item a line, sent with the reminder two days
 * before) and who at the studio marked an offline payment received.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('packages', (table) => {
      table.text('preparation_checklist').nullable()
    })
    this.schema.alterTable('payments', (table) => {
      table.uuid('received_by').nullable().references('id').inTable('users').onDelete('SET NULL')
    })
  }

  async down() {
    this.schema.alterTable('payments', (table) => {
      table.dropForeign(['received_by'])
      table.dropColumn('received_by')
    })
    this.schema.alterTable('packages', (table) => {
      table.dropColumn('preparation_checklist')
    })
  }
}
