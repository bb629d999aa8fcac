import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'custom_order_proposals'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('custom_order_id').notNullable().references('id').inTable('custom_orders').onDelete('CASCADE')
      table.uuid('photographer_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.integer('price').notNullable()
      table.integer('estimated_days').nullable()
      table.text('message').notNullable()
      table.enum('status', ['pending', 'accepted', 'declined', 'withdrawn']).notNullable().defaultTo('pending')
      table.timestamp('decided_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.check('price > 0', [], 'custom_order_proposals_price_check')
      table.check('estimated_days is null or estimated_days > 0', [], 'custom_order_proposals_days_check')
      table.index(['custom_order_id', 'status'])
      table.index(['photographer_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
