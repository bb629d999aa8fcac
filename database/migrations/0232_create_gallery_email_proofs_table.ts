import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Secrets emailed to an address a gallery knows (its family, or someone who entered it
 * before), proving the person reading them holds that inbox: a 6-digit entry code while
 * the gallery is under attack, or the one-time link that submits the family's selection.
 * Only a hash is stored; each works once, for a short time.
 */
export default class extends BaseSchema {
  protected tableName = 'gallery_email_proofs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('gallery_id').notNullable().references('id').inTable('galleries').onDelete('CASCADE')
      table.uuid('gallery_visitor_id').nullable().references('id').inTable('gallery_visitors').onDelete('CASCADE')
      table.string('email', 254).notNullable()
      table.string('purpose', 20).notNullable()
      table.string('secret_hash', 64).notNullable().unique()
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('expires_at').notNullable()
      table.timestamp('consumed_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['gallery_id', 'email', 'purpose'])
      table.check(`purpose in ('entry', 'selection')`, [], 'gallery_email_proofs_purpose_check')
      table.check('attempts >= 0', [], 'gallery_email_proofs_attempts_check')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
