import { BaseSchema } from '@adonisjs/lucid/schema'

/** A logo uploaded at Admin → Branding is a media asset; `logo_url` then points at its public route. */
export default class extends BaseSchema {
  protected tableName = 'studio_settings'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.uuid('logo_media_asset_id').nullable().references('id').inTable('media_assets').onDelete('SET NULL')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropForeign(['logo_media_asset_id'])
      table.dropColumn('logo_media_asset_id')
    })
  }
}
