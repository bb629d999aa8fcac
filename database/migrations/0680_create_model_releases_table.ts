import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A model release signed at the front desk by a parent for one child on one session. The
 * rendered text is frozen in the row with its SHA-256; the drawn signature is a PNG on the
 * private Drive disk. One release per child and session: a double submit cannot sign twice.
 */
export default class extends BaseSchema {
  protected tableName = 'model_releases'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('photo_session_id').notNullable().references('id').inTable('photo_sessions').onDelete('RESTRICT')
      table.uuid('child_id').notNullable().references('id').inTable('children').onDelete('RESTRICT')
      // The family: a signed release is a legal record, like a signed contract.
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('RESTRICT')
      table.uuid('template_id').nullable().references('id').inTable('contract_templates').onDelete('SET NULL')
      table.string('title', 150).notNullable()
      table.text('body').notNullable()
      table.specificType('body_sha256', 'char(64)').notNullable()
      table.string('signer_name', 150).notNullable()
      table.string('signature_key', 255).notNullable()
      table.timestamp('signed_at').notNullable()
      table.uuid('kiosk_device_id').nullable().references('id').inTable('kiosk_devices').onDelete('SET NULL')
      table.uuid('staff_user_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.string('idempotency_key', 100).notNullable().unique()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['photo_session_id', 'child_id'])
      table.index(['user_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
