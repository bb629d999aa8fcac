import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'packages'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('name', 100).notNullable()
      table.string('slug', 100).notNullable().unique()
      table.text('description').nullable()
      table.string('short_description', 255).nullable()
      table.integer('base_price').notNullable()
      table.integer('duration_minutes').notNullable()
      table.integer('max_children').notNullable().defaultTo(1)
      table.boolean('includes_styling').notNullable().defaultTo(true)
      table.integer('max_outfit_changes').notNullable().defaultTo(1)
      table.integer('included_photos').notNullable().defaultTo(5)
      // Price of each selected photo beyond included_photos, in cents.
      table.integer('extra_photo_price').notNullable().defaultTo(1500)
      table.enum('photo_editing_level', ['basic', 'standard', 'premium']).notNullable().defaultTo('standard')
      table.boolean('includes_print').notNullable().defaultTo(true)
      table.string('print_size', 20).nullable()
      table.boolean('active').notNullable().defaultTo(true)
      table.integer('sort_order').notNullable().defaultTo(0)
      table.json('metadata').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['active', 'sort_order'])
      table.check('base_price >= 0', [], 'packages_base_price_check')
      table.check('duration_minutes > 0', [], 'packages_duration_check')
      table.check('max_children >= 1', [], 'packages_max_children_check')
      table.check('max_outfit_changes >= 0 and included_photos >= 0', [], 'packages_counts_check')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
