import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'number_sequences'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.enum('kind', ['session', 'order', 'invoice']).notNullable()
      table.integer('year').notNullable()
      table.integer('last_value').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()

      // nextNumber() upserts on this key: one counter per kind and year.
      table.unique(['kind', 'year'])
      table.check('last_value >= 0')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
