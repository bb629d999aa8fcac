import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import SessionEvent from '#models/session_event'
import { SessionEventFactory } from '#database/factories/session_event_factory'
import { UserFactory } from '#database/factories/user_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Session event', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates an event that reloads with its session, actor and kiosk', async ({ assert }) => {
    const event = await SessionEventFactory.apply('checkIn').with('actor').with('kioskDevice').create()
    const reloaded = await SessionEvent.query()
      .where('id', event.id)
      .preload('photoSession')
      .preload('actor')
      .preload('kioskDevice')
      .firstOrFail()
    assert.equal(reloaded.photoSession.id, event.photoSessionId)
    assert.equal(reloaded.actor.id, event.actorId)
    assert.equal(reloaded.kioskDevice.id, event.kioskDeviceId)
    assert.equal(reloaded.toStatus, 'checked_in')
  })

  test('the booking event has no previous status', async ({ assert }) => {
    const event = await SessionEventFactory.apply('booking').create()
    assert.isNull((await SessionEvent.findOrFail(event.id)).fromStatus)
  })

  test('statuses must be known ones', async () => {
    await assertViolates(() => SessionEventFactory.merge({ toStatus: 'teleported' as any }).create(), 'check')
    await assertViolates(() => SessionEventFactory.merge({ fromStatus: 'nowhere' as any }).create(), 'check')
  })

  test('deleting the actor keeps the event without an actor', async ({ assert }) => {
    const actor = await UserFactory.apply('staff').create()
    const event = await SessionEventFactory.merge({ actorId: actor.id }).create()
    await db.from('users').where('id', actor.id).delete()
    assert.isNull((await SessionEvent.findOrFail(event.id)).actorId)
  })

  test('deleting the session deletes its history', async ({ assert }) => {
    const event = await SessionEventFactory.create()
    await db.from('photo_sessions').where('id', event.photoSessionId).delete()
    assert.isNull(await SessionEvent.find(event.id))
  })
})
