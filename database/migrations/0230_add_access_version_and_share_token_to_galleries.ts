import { randomBytes } from 'node:crypto'
import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * `access_version`: bumped whenever the way into a gallery changes (new code, a password,
 * public share off, unpublished, deleted); a visitor's pass names the version it was
 * issued under, so every pass ends at once. `share_token`: the secret of the public share
 * link (192 random bits), set while public share is on.
 */
export default class extends BaseSchema {
  protected tableName = 'galleries'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.integer('access_version').notNullable().defaultTo(1)
      table.string('share_token', 64).nullable().unique()
    })
    this.defer(async (db) => {
      const shared = await db.from(this.tableName).where('public_share_enabled', true).select('id')
      for (const { id } of shared) {
        await db.from(this.tableName).where('id', id).update({ share_token: randomBytes(24).toString('base64url') })
      }
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropUnique(['share_token'])
      table.dropColumn('share_token')
      table.dropColumn('access_version')
    })
  }
}
