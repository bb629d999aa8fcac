import { BaseSchema } from '@adonisjs/lucid/schema'

/** The studio's own look on the pages families see (galleries): logo and two colours. */
export default class extends BaseSchema {
  protected tableName = 'studio_settings'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      // A URL or a path under public/ (e.g. /brand/logo.svg); null shows the studio's name.
      table.string('logo_url', 500).nullable()
      // #rrggbb: buttons and links; the header's background. Null keeps Loupe's.
      table.string('brand_color', 7).nullable()
      table.string('header_color', 7).nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('logo_url')
      table.dropColumn('brand_color')
      table.dropColumn('header_color')
    })
  }
}
