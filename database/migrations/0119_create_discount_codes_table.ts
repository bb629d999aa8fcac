import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'discount_codes'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('code', 40).notNullable().unique()
      table.string('description', 255).nullable()
      table.enum('kind', ['percent', 'fixed']).notNullable()
      // percent: whole percent (1-100); fixed: cents of the studio currency
      table.integer('amount').notNullable()
      table.timestamp('starts_at').nullable()
      table.timestamp('ends_at').nullable()
      table.integer('max_redemptions').nullable()
      table.integer('redemptions').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.check('amount > 0', [], 'discount_codes_amount_check')
      table.check("kind <> 'percent' or amount <= 100", [], 'discount_codes_percent_check')
      table.check('max_redemptions is null or max_redemptions > 0', [], 'discount_codes_max_redemptions_check')
      // the database refuses a redemption past the limit, even from two checkouts at once
      table.check(
        'redemptions >= 0 and (max_redemptions is null or redemptions <= max_redemptions)',
        [],
        'discount_codes_redemptions_check'
      )
      table.check('starts_at is null or ends_at is null or starts_at < ends_at', [], 'discount_codes_window_check')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
