import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'inquiries'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('name', 150).notNullable()
      table.string('email', 254).notNullable()
      table.string('phone', 32).nullable()
      table.text('message').notNullable()
      table
        .enum('source', ['contact_form', 'booking_form', 'phone', 'walk_in', 'referral', 'social', 'event'])
        .notNullable()
        .defaultTo('contact_form')
      table.enum('status', ['new', 'contacted', 'converted', 'closed']).notNullable().defaultTo('new')
      table.uuid('user_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('contacted_at').nullable()
      table.timestamp('converted_at').nullable()
      table.timestamp('closed_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['status', 'created_at'])
      table.index(['email'])
      table.index(['user_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
