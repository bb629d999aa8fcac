import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'photo_favorites'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('photo_id').notNullable().references('id').inTable('photos').onDelete('CASCADE')
      table.uuid('user_id').nullable().references('id').inTable('users').onDelete('CASCADE')
      table.uuid('gallery_visitor_id').nullable().references('id').inTable('gallery_visitors').onDelete('CASCADE')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['photo_id', 'user_id'])
      table.unique(['photo_id', 'gallery_visitor_id'])
      table.index(['user_id'])
      table.index(['gallery_visitor_id'])
      table.check(
        '(user_id is null and gallery_visitor_id is not null) or (user_id is not null and gallery_visitor_id is null)',
        [],
        'photo_favorites_one_person_check'
      )
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
