import { test } from '@japa/runner'
import { AssertionError } from 'node:assert'
import { randomUUID } from 'node:crypto'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Page from '#models/page'
import { PageFactory } from '#database/factories/page_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { assertViolates } from '#tests/support/violations'
import { sqlTime } from '#support/db/sql_time'

test.group('assertViolates', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('passes on a violation of the named kind', async () => {
    const page = await PageFactory.create()
    await assertViolates(() => PageFactory.merge({ slug: page.slug }).create(), 'unique')
    await assertViolates(() => PageFactory.merge({ status: 'hidden' as any }).create(), 'check')
    await assertViolates(() => db.table('pages').insert({ ...pageRow(), title: null }), 'not_null')
    await assertViolates(
      () => PhotoSessionFactory.merge({ packageId: '00000000-0000-4000-8000-000000000000' }).create(),
      'foreign_key'
    )
    // Deleting a row still referenced (SQLite reports this one from a trigger).
    const session = await PhotoSessionFactory.create()
    await assertViolates(() => db.from('packages').where('id', session.packageId).delete(), 'foreign_key')
  })

  test('fails when nothing is refused', async ({ assert }) => {
    await assert.rejects(
      () => assertViolates(() => PageFactory.create(), 'unique'),
      AssertionError,
      /nothing was refused/
    )
  })

  test('fails on a violation of another kind, or on an error that is no violation', async ({ assert }) => {
    const page = await PageFactory.create()
    await assert.rejects(
      () => assertViolates(() => PageFactory.merge({ slug: page.slug }).create(), 'foreign_key'),
      AssertionError,
      /foreign_key constraint violation, got/
    )
    await assert.rejects(
      () => assertViolates(() => Promise.reject(new Error('factory broke')), 'unique'),
      AssertionError,
      /factory broke/
    )
  })

  test('the test transaction keeps working after a violation (PostgreSQL aborts it otherwise)', async ({ assert }) => {
    const page = await PageFactory.create()
    // A bare statement, not a factory: factories open a savepoint of their own.
    const duplicate = () => db.table('pages').insert({ ...pageRow(), slug: page.slug })
    await assertViolates(duplicate, 'unique')
    await assertViolates(duplicate, 'unique')
    await db.table('pages').insert(pageRow())
    assert.lengthOf(await Page.all(), 2)
  })
})

function pageRow() {
  const now = sqlTime()
  const id = randomUUID()
  return { id, title: 'About', slug: `about-${id}`, body: '', status: 'draft', created_at: now, updated_at: now }
}
