import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'photographer_profiles'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('user_id').notNullable().unique().references('id').inTable('users').onDelete('CASCADE')
      table.string('display_name', 150).notNullable()
      table.string('slug', 160).notNullable().unique()
      table.text('bio').nullable()
      table.uuid('avatar_media_id').nullable().references('id').inTable('media_assets').onDelete('SET NULL')
      table.json('specialties').nullable()
      table.integer('commission_bps').notNullable().defaultTo(0)
      table.string('payout_account', 255).nullable()
      table.boolean('accepting_commissions').notNullable().defaultTo(false)
      table.boolean('verified').notNullable().defaultTo(false)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.check('commission_bps between 0 and 10000')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
