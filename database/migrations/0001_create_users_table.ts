import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('email', 254).nullable().unique()
      table.string('password').nullable()
      table.string('first_name', 100).notNullable()
      table.string('last_name', 100).nullable()
      table.string('phone', 32).nullable()
      table.enum('role', ['customer', 'staff', 'photographer', 'admin']).notNullable().defaultTo('customer')
      table.timestamp('email_verified_at').nullable()
      table.boolean('marketing_consent').notNullable().defaultTo(false)
      table.enum('lifecycle_stage', ['lead', 'prospect', 'booked', 'active', 'past', 'repeat']).notNullable().defaultTo('lead')
      table.integer('free_transformations_used').notNullable().defaultTo(0)
      table.string('stripe_customer_id', 255).nullable().unique()
      table.integer('session_epoch').notNullable().defaultTo(0)
      table.timestamp('deactivated_at').nullable()
      table.timestamp('deleted_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['role'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
