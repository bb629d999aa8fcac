import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Where an uploaded photo stood in its batch (the files as picked, in file-name order), so
 * a batch lands in that order whatever order its parallel uploads finish in.
 */
export default class extends BaseSchema {
  protected tableName = 'photos'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('upload_batch', 40).nullable()
      table.integer('upload_position').nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('upload_batch')
      table.dropColumn('upload_position')
    })
  }
}
