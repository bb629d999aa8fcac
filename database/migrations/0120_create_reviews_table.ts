import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'reviews'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      // polymorphic subject: no FK, the model resolves it
      table.enum('reviewable_type', ['product', 'package', 'photographer']).notNullable()
      table.uuid('reviewable_id').notNullable()
      table.integer('rating').notNullable()
      table.string('title', 255).nullable()
      table.text('body').nullable()
      table.enum('status', ['published', 'hidden']).notNullable().defaultTo('published')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['user_id', 'reviewable_type', 'reviewable_id'])
      table.index(['reviewable_type', 'reviewable_id', 'status'])
      table.check('rating between 1 and 5', [], 'reviews_rating_check')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
