import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The race guard of booking. A photo session holds one row per 5-minute cell it blocks
 * (buffers included) for its set (`set:2@2026-03-08T15:00Z`) and its photographer
 * (`photographer:<id>@…`), and one for its place in the day's maximum (`day:2026-03-08#4`).
 * The unique key means two sessions can never hold the same cell, whichever process
 * inserts first; cancelling deletes the rows and frees the slot at once.
 */
export default class extends BaseSchema {
  protected tableName = 'slot_claims'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('photo_session_id').notNullable().references('id').inTable('photo_sessions').onDelete('CASCADE')
      table.string('claim_key', 120).notNullable().unique()
      table.timestamp('created_at').notNullable()
      table.index(['photo_session_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
