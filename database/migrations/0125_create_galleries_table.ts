import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'galleries'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('photo_session_id').nullable().references('id').inTable('photo_sessions').onDelete('SET NULL')
      table.string('name', 255).notNullable()
      table.string('slug', 255).notNullable().unique()
      table.text('description').nullable()
      table.string('access_code', 32).notNullable().unique()
      table.string('password_hash', 255).nullable()
      table.enum('status', ['draft', 'published', 'expired', 'archived']).notNullable().defaultTo('draft')
      table.boolean('public_share_enabled').notNullable().defaultTo(false)
      table.boolean('download_enabled').notNullable().defaultTo(true)
      table.boolean('social_share_enabled').notNullable().defaultTo(true)
      table.boolean('watermark_enabled').notNullable().defaultTo(true)
      table.integer('selection_limit').nullable()
      // no FK: photos.gallery_id already points here, and a cycle would block inserts and drops
      table.uuid('cover_photo_id').nullable()
      table.timestamp('published_at').nullable()
      table.timestamp('expires_at').nullable()
      table.timestamp('expiry_reminded_at').nullable()
      // The family's submitted selection: when, and whose favourites (no FK: visitors come later).
      table.timestamp('selection_submitted_at').nullable()
      table.uuid('selection_visitor_id').nullable()
      table.integer('failed_access_attempts').notNullable().defaultTo(0)
      // Expiry reminders go out 7, 3 and 1 days before: the smallest sent so far, then the notice.
      table.integer('last_expiry_reminder_days').nullable()
      table.timestamp('expired_notice_sent_at').nullable()
      table.integer('view_count').notNullable().defaultTo(0)
      table.integer('download_count').notNullable().defaultTo(0)
      table.timestamp('deleted_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['photo_session_id'])
      table.index(['cover_photo_id'])
      table.index(['status', 'expires_at'])
      table.check('selection_limit is null or selection_limit > 0', [], 'galleries_selection_limit_check')
      table.check('view_count >= 0 and download_count >= 0', [], 'galleries_counts_check')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
