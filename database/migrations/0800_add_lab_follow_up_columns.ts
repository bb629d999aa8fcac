import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * `order_items.submitted_at`: when fulfillment:sync claimed the item to send it to its lab.
 * A claim still without a lab order long after was left by a run that died mid-send, and
 * the next run takes it over.
 * `orders.labs_cancelled_at`: when the studio was told that the labs cancelled every item
 * of the order (set once, so it is told once).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('order_items', (table) => {
      table.timestamp('submitted_at').nullable()
    })
    this.schema.alterTable('orders', (table) => {
      table.timestamp('labs_cancelled_at').nullable()
    })
  }

  async down() {
    this.schema.alterTable('orders', (table) => {
      table.dropColumn('labs_cancelled_at')
    })
    this.schema.alterTable('order_items', (table) => {
      table.dropColumn('submitted_at')
    })
  }
}
