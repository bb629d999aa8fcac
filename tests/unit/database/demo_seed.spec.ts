import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import MainSeeder from '#database/seeders/main_seeder'

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

    await new MainSeeder(db.connection()).run()
    assert.deepEqual(await rowCounts(), first)
  }).timeout(300_000)
})
