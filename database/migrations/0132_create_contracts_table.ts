import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'contracts'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      // The rendered body is frozen in the row, so the template may go away.
      table.uuid('template_id').nullable().references('id').inTable('contract_templates').onDelete('SET NULL')
      // A signed contract is a legal record: the client cannot be hard-deleted under it.
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('RESTRICT')
      table.uuid('photo_session_id').nullable().references('id').inTable('photo_sessions').onDelete('SET NULL')
      table.string('title', 150).notNullable()
      table.text('body').notNullable()
      table.specificType('body_sha256', 'char(64)').nullable()
      table.enum('status', ['draft', 'sent', 'signed', 'void']).notNullable().defaultTo('draft')
      table.timestamp('sent_at').nullable()
      table.timestamp('signed_at').nullable()
      table.string('signer_name', 150).nullable()
      table.string('signer_ip', 64).nullable()
      table.enum('signature_kind', ['typed', 'drawn']).nullable()
      table.text('signature').nullable()
      table.timestamp('voided_at').nullable()
      table.string('void_reason', 255).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['user_id', 'status'])
      table.index(['photo_session_id'])
      table.check("status = 'draft' or status = 'void' or (sent_at is not null and body_sha256 is not null)")
      table.check(
        "status <> 'signed' or (signed_at is not null and signer_name is not null and signature is not null and signature_kind is not null)"
      )
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
