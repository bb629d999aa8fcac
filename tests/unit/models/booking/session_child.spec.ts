import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import SessionChild from '#models/session_child'
import PhotoSession from '#models/photo_session'
import { SessionChildFactory } from '#database/factories/session_child_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { ChildFactory } from '#database/factories/child_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Session child', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory adds a child of the session family that reloads with both sides', async ({ assert }) => {
    const row = await SessionChildFactory.apply('primary').create()
    const reloaded = await SessionChild.query().where('id', row.id).preload('photoSession').preload('child').firstOrFail()
    assert.equal(reloaded.child.parentId, reloaded.photoSession.userId)
    assert.isTrue(reloaded.primaryChild)
    assert.isFalse(reloaded.completedStyling)
  })

  test('the session lists its children with the pivot details', async ({ assert }) => {
    const session = await PhotoSessionFactory.create()
    const child = await ChildFactory.merge({ parentId: session.userId }).create()
    await SessionChildFactory.merge({ photoSessionId: session.id, childId: child.id, stylingRequests: 'Glitter' })
      .apply('primary')
      .create()
    const reloaded = await PhotoSession.query().where('id', session.id).preload('children').firstOrFail()
    assert.equal(reloaded.children[0].id, child.id)
    assert.equal(reloaded.children[0].$extras.pivot_styling_requests, 'Glitter')
  })

  test('a child is on a session at most once', async () => {
    const row = await SessionChildFactory.create()
    await assertViolates(() => SessionChildFactory.merge({ photoSessionId: row.photoSessionId, childId: row.childId }).create(), 'unique')
  })

  test('a session child needs an existing child', async () => {
    await assertViolates(() => SessionChildFactory.merge({ childId: '00000000-0000-4000-8000-000000000000' }).create(), 'foreign_key')
  })

  test('deleting a session removes its children rows', async ({ assert }) => {
    const row = await SessionChildFactory.create()
    await db.from('photo_sessions').where('id', row.photoSessionId).delete()
    assert.isNull(await SessionChild.find(row.id))
  })
})
