import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'transformations'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      // Types with history are disabled, not deleted.
      table.uuid('transformation_type_id').notNullable().references('id').inTable('transformation_types').onDelete('RESTRICT')
      // Source and result files are purged after download; the row stays for billing and stats.
      table.uuid('source_media_id').nullable().references('id').inTable('media_assets').onDelete('SET NULL')
      table.uuid('result_media_id').nullable().references('id').inTable('media_assets').onDelete('SET NULL')
      table.enum('status', ['pending', 'processing', 'completed', 'failed']).notNullable().defaultTo('pending')
      table.text('error_message').nullable()
      table.string('provider', 40).nullable()
      table.string('pricing_tier_locked', 40).nullable()
      table.enum('charged', ['free', 'paid', 'subscription']).notNullable()
      // No FK: payments.transformation_id holds the constraint (payments come later).
      table.uuid('payment_id').nullable()
      table.timestamp('started_at').nullable()
      table.timestamp('completed_at').nullable()
      table.timestamp('downloaded_at').nullable()
      table.timestamp('purge_after').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['user_id', 'status'])
      table.index(['status', 'created_at'])
      table.index(['transformation_type_id'])
      table.index(['payment_id'])
      table.index(['purge_after'])
      table.index(['source_media_id'])
      table.index(['result_media_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
