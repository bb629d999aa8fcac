import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The print shop's rules: tax and shipping rate tables and the order review window in the
 * studio's settings; the review deadline and a checkout idempotency key on orders; the
 * discount rules beyond percent/fixed (minimum order, per-customer limit, free shipping,
 * buy-X-get-Y).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('studio_settings', (table) => {
      // { "US-CA": 725, "US": 0, "GB": 2000, "*": 0 }: basis points by "country-region", then country, then "*".
      table.json('shop_tax_rates').nullable()
      // { "US": { "standard": { "light": 800, "heavy": 2500 }, "express": {…} }, "*": {…} }: cents.
      table.json('shop_shipping_rates').nullable()
      table.integer('order_review_minutes').notNullable().defaultTo(120)
    })
    this.schema.alterTable('orders', (table) => {
      table.timestamp('review_ends_at').nullable()
      table.string('checkout_key', 64).nullable().unique()
      table.string('shipping_method', 20).nullable()
    })
    this.schema.alterTable('discount_codes', (table) => {
      // order: off the merchandise; shipping: off the shipping; buy_x_get_y: off the cheapest units of each group.
      table.string('applies_to', 20).notNullable().defaultTo('order')
      table.integer('min_order_amount').nullable()
      table.integer('max_per_customer').nullable()
      table.integer('buy_quantity').nullable()
      table.integer('get_quantity').nullable()
    })
  }

  async down() {
    this.schema.alterTable('discount_codes', (table) => {
      for (const column of ['applies_to', 'min_order_amount', 'max_per_customer', 'buy_quantity', 'get_quantity']) table.dropColumn(column)
    })
    this.schema.alterTable('orders', (table) => {
      table.dropUnique(['checkout_key'])
      for (const column of ['review_ends_at', 'checkout_key', 'shipping_method']) table.dropColumn(column)
    })
    this.schema.alterTable('studio_settings', (table) => {
      for (const column of ['shop_tax_rates', 'shop_shipping_rates', 'order_review_minutes']) table.dropColumn(column)
    })
  }
}
