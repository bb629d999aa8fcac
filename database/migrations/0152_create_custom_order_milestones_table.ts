import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'custom_order_milestones'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('custom_order_id').notNullable().references('id').inTable('custom_orders').onDelete('CASCADE')
      table.string('title', 200).notNullable()
      table.integer('amount').notNullable()
      table.integer('position').notNullable()
      table
        .enum('status', ['pending', 'funded', 'delivered', 'released', 'refunded', 'disputed'])
        .notNullable()
        .defaultTo('pending')
      // No FK: payments.custom_order_milestone_id holds the constraint (payments come later).
      table.uuid('payment_id').nullable()
      table.timestamp('funded_at').nullable()
      table.timestamp('delivered_at').nullable()
      table.timestamp('released_at').nullable()
      table.timestamp('refunded_at').nullable()
      table.timestamp('disputed_at').nullable()
      table.text('dispute_reason').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['custom_order_id', 'position'])
      table.check('amount > 0', [], 'custom_order_milestones_amount_check')
      table.check('position >= 1', [], 'custom_order_milestones_position_check')
      table.index(['payment_id'])
      table.index(['status'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
