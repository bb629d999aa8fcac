import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'downloads'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('photo_id').notNullable().references('id').inTable('photos').onDelete('CASCADE')
      table.uuid('user_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.uuid('gallery_visitor_id').nullable().references('id').inTable('gallery_visitors').onDelete('SET NULL')
      table.enum('variant', ['original', 'web', 'watermarked']).notNullable().defaultTo('original')
      table.string('ip_hash', 64).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['photo_id', 'created_at'])
      table.index(['user_id'])
      table.index(['gallery_visitor_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
