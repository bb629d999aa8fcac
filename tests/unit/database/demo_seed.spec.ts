import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import hash from '@adonisjs/core/services/hash'
import MainSeeder from '#database/seeders/main_seeder'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#database/demo/accounts_seeder'

async function rowCounts() {
  const tables: string[] =
    db.connection().dialect.name === 'postgres'
      ? (await db.rawQuery(`select tablename as name from pg_tables where schemaname = 'public'`)).rows.map((r: any) => r.name)
      : (await db.rawQuery(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)).map((r: any) => r.name)
  const counts: Record<string, number> = {}
  for (const table of tables.filter((name) => !name.startsWith('adonis_schema')).sort()) {
    counts[table] = Number((await db.from(table).count('* as total'))[0].total)
  }
  return counts
}

test.group('Demo studio', (group) => {
  // Rolled back afterwards, so the rest of the suite still starts from empty tables.
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('seeding builds the whole studio, and seeding again changes nothing', async ({ assert }) => {
    await new MainSeeder(db.connection()).run()
    const first = await rowCounts()

    assert.isAtLeast(first.users, 40 + 2 + 4, 'families, two more photographers and the demo accounts')
    assert.isAtLeast(first.children, 60)
    assert.isAtLeast(first.photo_sessions, 100)
    assert.isAtLeast(first.galleries, 25)
    assert.isAtLeast(first.photos, 200)
    assert.isAtLeast(first.packages, 6)
    assert.isAtLeast(first.artworks, 50)
    assert.isAtLeast(first.product_variants, 10)
    assert.isAtLeast(first.orders, 20)
    assert.isAtLeast(first.plan_installments, 30)
    for (const table of ['invoices', 'contracts', 'workflows', 'reviews', 'conversations', 'transformation_types', 'pricing_tiers', 'inquiries', 'analytics_events']) {
      assert.isAbove(first[table], 0, `${table} has demo rows`)
    }

    // Every demo product shows one primary picture, processed like an upload, described.
    const products = await db.from('products').select('id')
    const primaries = await db.from('product_images as i').join('media_assets as m', 'm.id', 'i.media_asset_id').where('i.is_primary', true).where('m.status', 'ready').whereNotNull('i.alt_text').select('i.product_id')
    assert.sameMembers(primaries.map((row) => row.product_id), products.map((row) => row.id))

    // A failed plan flags its session, as the billing run does (the calendar's ⚑, the dashboard's "Needs attention").
    const failedPlans = await db.from('payment_plans').where('status', 'failed').whereNotNull('photo_session_id').select('photo_session_id')
    assert.isAbove(failedPlans.length, 0, 'the demo has a failed plan')
    const flagged = await db.from('photo_sessions').whereNotNull('payment_flagged_at').select('id')
    assert.sameMembers(flagged.map((row) => row.id), failedPlans.map((row) => row.photo_session_id))

    // Every demo login opens with the printed password, all through one shared hash.
    const demo = await db.from('users').whereIn('email', [...DEMO_ACCOUNTS.map((a) => a.email), 'photographer2@loupe.test', 'family01@loupe.test']).select('password')
    assert.lengthOf(demo, DEMO_ACCOUNTS.length + 2)
    assert.lengthOf(new Set(demo.map((row) => row.password)), 1)
    assert.isTrue(await hash.verify(demo[0].password, DEMO_PASSWORD))

    await new MainSeeder(db.connection()).run()
    assert.deepEqual(await rowCounts(), first)
  }).timeout(300_000)

  test('every demo gallery photo has every file a real upload gets: thumb, preview, web size and watermarked ones', async ({ assert }) => {
    await new MainSeeder(db.connection()).run()
    const rows = await db.from('photos').join('media_assets', 'media_assets.id', 'photos.media_asset_id').select('media_assets.variants', 'media_assets.status')
    assert.isAtLeast(rows.length, 200)
    const disk = drive.use('fs')
    const missing: string[] = []
    for (const row of rows) {
      assert.equal(row.status, 'ready')
      const variants = typeof row.variants === 'string' ? JSON.parse(row.variants) : row.variants
      for (const name of ['thumb', 'preview', 'web', 'watermarked', 'watermarkedThumb']) {
        if (!variants?.[name] || !(await disk.exists(variants[name]))) missing.push(`${name} of ${JSON.stringify(variants)}`)
      }
    }
    assert.deepEqual(missing.slice(0, 5), [], `${missing.length} derivatives missing`)
  }).timeout(300_000)
})
