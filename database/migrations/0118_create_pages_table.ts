import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'pages'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('title', 255).notNullable()
      table.string('slug', 120).notNullable().unique()
      table.text('body').notNullable()
      table.enum('status', ['draft', 'published']).notNullable().defaultTo('draft')
      table.string('seo_title', 255).nullable()
      table.string('seo_description', 320).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['status'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
