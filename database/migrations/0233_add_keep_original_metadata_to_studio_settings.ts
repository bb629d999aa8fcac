import { BaseSchema } from '@adonisjs/lucid/schema'

/** Originals are delivered without GPS and personal EXIF unless the studio opts in here. */
export default class extends BaseSchema {
  protected tableName = 'studio_settings'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.boolean('keep_original_metadata').notNullable().defaultTo(false)
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('keep_original_metadata')
    })
  }
}
