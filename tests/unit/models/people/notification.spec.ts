import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import testUtils from '@adonisjs/core/services/test_utils'
import Notification from '#models/notification'
import { NotificationFactory } from '#database/factories/notification_factory'
import { UserFactory } from '#database/factories/user_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Notification', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a notification that reloads with its user and data', async ({ assert }) => {
    const notification = await NotificationFactory.create()
    const reloaded = await Notification.query().where('id', notification.id).preload('user').firstOrFail()
    assert.equal(reloaded.user.id, notification.userId)
    assert.equal(reloaded.data?.title, 'Your gallery is ready')
    assert.isFalse(reloaded.isRead)
  })

  test('marking read records the time, once', async ({ assert }) => {
    const notification = await NotificationFactory.create()
    await notification.markRead()
    const readAt = notification.readAt
    assert.isNotNull((await Notification.findOrFail(notification.id)).readAt)
    await notification.markRead()
    assert.strictEqual(notification.readAt, readAt)
  })

  test('unread lists only unread notifications', async ({ assert }) => {
    const user = await UserFactory.create()
    const unread = await NotificationFactory.merge({ userId: user.id }).create()
    await NotificationFactory.merge({ userId: user.id }).apply('read').create()
    const found = await Notification.query()
      .where('user_id', user.id)
      .withScopes((scopes) => scopes.unread())
    assert.deepEqual(
      found.map((notification) => notification.id),
      [unread.id]
    )
  })

  test('a notification needs an existing user', async () => {
    await assertViolates(() => NotificationFactory.merge({ userId: randomUUID() }).create(), 'foreign_key')
  })
})
