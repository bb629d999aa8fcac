import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Child from '#models/child'
import SessionChild from '#models/session_child'
import { withTrashed } from '#models/concerns/soft_deletes'
import { ChildFactory } from '#database/factories/child_factory'
import { UserFactory } from '#database/factories/user_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Child', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a child that reloads with its parent and sessions', async ({ assert }) => {
    const child = await ChildFactory.create()
    const session = await PhotoSessionFactory.merge({ userId: child.parentId }).create()
    await SessionChild.create({ photoSessionId: session.id, childId: child.id, primaryChild: true })
    const reloaded = await Child.query()
      .where('id', child.id)
      .preload('parent')
      .preload('photoSessions')
      .preload('sessionChildren')
      .firstOrFail()
    assert.equal(reloaded.parent.id, child.parentId)
    assert.equal(reloaded.photoSessions[0].id, session.id)
    assert.strictEqual(Boolean(reloaded.photoSessions[0].$extras.pivot_primary_child), true)
    assert.lengthOf(reloaded.sessionChildren, 1)
  })

  test('a soft-deleted child is hidden unless asked for', async ({ assert }) => {
    const child = await ChildFactory.create()
    await child.softDelete()
    assert.isNull(await Child.find(child.id))
    assert.isNotNull(await withTrashed(Child.query()).where('id', child.id).first())
  })

  test('a soft-deleted child can be restored', async ({ assert }) => {
    const child = await ChildFactory.apply('trashed').create()
    await child.restore()
    assert.isNotNull(await Child.find(child.id))
  })

  test('the age is counted in whole years', async ({ assert }) => {
    const child = await ChildFactory.merge({ birthDate: DateTime.fromISO('2018-06-15') }).create()
    assert.equal(child.ageOn(DateTime.fromISO('2026-06-14')), 7)
    assert.equal(child.ageOn(DateTime.fromISO('2026-06-15')), 8)
    assert.isNull((await ChildFactory.apply('noBirthDate').create()).ageOn())
  })

  test('the preferred style must be rock, punk, metal or alternative', async () => {
    await assertViolates(() => ChildFactory.merge({ preferredStyle: 'jazz' as any }).create(), 'check')
  })

  test('a child needs an existing parent', async () => {
    await assertViolates(() => ChildFactory.merge({ parentId: randomUUID() }).create(), 'foreign_key')
  })

  test('deleting the parent account deletes the children', async ({ assert }) => {
    const parent = await UserFactory.create()
    const child = await ChildFactory.merge({ parentId: parent.id }).create()
    await parent.delete()
    assert.isNull(await withTrashed(Child.query()).where('id', child.id).first())
  })
})
