import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'webhook_events'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('provider', 32).notNullable()
      table.string('event_id', 255).notNullable()
      table.string('type', 100).notNullable()
      table.json('payload').notNullable()
      table.enum('status', ['received', 'processed', 'failed', 'ignored']).notNullable().defaultTo('received')
      table.integer('attempts').notNullable().defaultTo(0)
      table.text('error').nullable()
      table.timestamp('received_at').notNullable()
      table.timestamp('processed_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()

      // A provider retries deliveries: one row per event makes handling idempotent.
      table.unique(['provider', 'event_id'])
      table.index(['status', 'received_at'])
      table.index(['type'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
