import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'subscriptions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.uuid('pricing_tier_id').notNullable().references('id').inTable('pricing_tiers').onDelete('RESTRICT')
      table.enum('provider', ['stripe', 'offline']).notNullable().defaultTo('stripe')
      table.string('provider_subscription_id', 255).nullable().unique()
      table.enum('status', ['active', 'past_due', 'cancelled', 'expired']).notNullable().defaultTo('active')
      table.timestamp('current_period_start').notNullable()
      table.timestamp('current_period_end').notNullable()
      table.integer('usage_in_period').notNullable().defaultTo(0)
      table.timestamp('cancelled_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.check('usage_in_period >= 0', [], 'subscriptions_usage_check')
      table.check('current_period_end > current_period_start', [], 'subscriptions_period_check')
      table.index(['user_id', 'status'])
      table.index(['pricing_tier_id'])
      table.index(['status', 'current_period_end'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
