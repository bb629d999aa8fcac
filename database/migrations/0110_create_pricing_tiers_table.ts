import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'pricing_tiers'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('key', 40).notNullable().unique()
      table.string('name', 100).notNullable()
      table.text('description').nullable()
      table.integer('cost_per_image').nullable()
      table.integer('monthly_limit').nullable()
      table.integer('cost_per_month').nullable()
      table.specificType('currency', 'char(3)').notNullable().defaultTo('USD')
      table.boolean('active').notNullable().defaultTo(true)
      table.integer('sort_order').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.check('cost_per_image is null or cost_per_image >= 0', [], 'pricing_tiers_cost_per_image_check')
      table.check('cost_per_month is null or cost_per_month >= 0', [], 'pricing_tiers_cost_per_month_check')
      table.check('monthly_limit is null or monthly_limit > 0', [], 'pricing_tiers_monthly_limit_check')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
