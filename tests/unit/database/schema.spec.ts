import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { MigrationRunner } from '@adonisjs/lucid/migration'

async function migrate(direction: 'up' | 'down') {
  const runner = new MigrationRunner(db, app, { direction, batch: direction === 'down' ? 0 : undefined })
  await runner.run()
  if (runner.error) throw runner.error
  return runner.migratedFiles
}

async function tableNames() {
  const names: string[] =
    db.connection().dialect.name === 'postgres'
      ? (await db.rawQuery(`select tablename as name from pg_tables where schemaname = 'public'`)).rows.map((r: any) => r.name)
      : (await db.rawQuery(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)).map((r: any) => r.name)
  return names.filter((name) => !name.startsWith('adonis_schema')).sort()
}

test.group('Schema', () => {
  test('every migration rolls back and runs again on this database', async ({ assert }) => {
    const before = await tableNames()
    assert.isAbove(before.length, 60)

    const down = await migrate('down')
    assert.isAbove(Object.keys(down).length, 60)
    assert.deepEqual(await tableNames(), [])

    await migrate('up')
    assert.deepEqual(await tableNames(), before)
  }).timeout(120_000)

  test('every table of the domain catalogue exists', async ({ assert }) => {
    const tables = await tableNames()
    const catalogue = [
      'users', 'oauth_identities', 'one_time_codes', 'user_preferences', 'kiosk_devices', 'audit_logs',
      'studio_settings', 'photographer_profiles', 'business_hours', 'blackout_dates', 'children', 'inquiries',
      'contract_templates', 'contracts', 'workflows', 'workflow_steps', 'workflow_runs', 'email_templates',
      'email_logs', 'notifications', 'conversations', 'messages', 'analytics_events', 'media_assets', 'packages',
      'categories', 'artworks', 'artwork_print_options', 'products', 'product_variants', 'product_images',
      'reviews', 'wishlist_items', 'discount_codes', 'pages', 'photo_sessions', 'session_children',
      'session_events', 'invoices', 'invoice_items', 'payment_plans', 'plan_installments', 'payments',
      'subscriptions', 'webhook_events', 'payouts', 'galleries', 'photos', 'gallery_visitors', 'photo_favorites',
      'downloads', 'carts', 'cart_items', 'shipping_addresses', 'orders', 'order_items', 'custom_orders',
      'custom_order_proposals', 'custom_order_milestones', 'concept_images', 'pricing_tiers',
      'transformation_types', 'transformations', 'jobs', 'command_runs',
    ]
    assert.includeMembers(tables, catalogue)
  })
})
