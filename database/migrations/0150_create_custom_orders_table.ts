import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'custom_orders'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.uuid('photographer_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.string('title', 200).notNullable()
      table.text('description').notNullable()
      table.integer('budget').nullable()
      table.specificType('currency', 'char(3)').notNullable().defaultTo('USD')
      table.uuid('concept_media_id').nullable().references('id').inTable('media_assets').onDelete('SET NULL')
      table
        .enum('status', ['open', 'proposed', 'accepted', 'in_progress', 'delivered', 'completed', 'cancelled'])
        .notNullable()
        .defaultTo('open')
      table.timestamp('accepted_at').nullable()
      table.timestamp('completed_at').nullable()
      table.timestamp('cancelled_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.check('budget is null or budget > 0', [], 'custom_orders_budget_check')
      table.index(['user_id'])
      table.index(['photographer_id', 'status'])
      table.index(['status', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
