import { test } from '@japa/runner'
import PhotoSession from '#models/photo_session'
import SessionEvent from '#models/session_event'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { KioskDeviceFactory } from '#database/factories/kiosk_device_factory'
import { UserFactory } from '#database/factories/user_factory'
import { actors } from '#support/actor'
import { truncateAfterEach } from '#tests/support/truncate'
import { raceTransition } from '#tests/support/race'

const eventsOf = (id: string) => SessionEvent.query().where('photo_session_id', id)

test.group('PhotoSession state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two tablets check one family in at once: one wins, one event, its device on the session', async ({ assert }) => {
    const session = await PhotoSessionFactory.apply('confirmed').create()
    const [first, second] = await KioskDeviceFactory.createMany(2)
    const copies = await Promise.all([PhotoSession.findOrFail(session.id), PhotoSession.findOrFail(session.id)])
    const results = await Promise.all([
      copies[0].checkIn({ actor: actors.anonymous({ kioskDeviceId: first.id }) }),
      copies[1].checkIn({ actor: actors.anonymous({ kioskDeviceId: second.id }) }),
    ])
    assert.equal(results.filter(Boolean).length, 1)
    const events = await eventsOf(session.id)
    assert.lengthOf(events, 1)
    const winner = results[0] ? first : second
    assert.equal(events[0].kioskDeviceId, winner.id)
    assert.equal((await PhotoSession.findOrFail(session.id)).kioskDeviceId, winner.id)
  })

  test('three confirmations of one booking: one wins', async ({ assert }) => {
    const session = await PhotoSessionFactory.create()
    assert.equal(await raceTransition(PhotoSession, session.id, (row) => row.confirm(), 3), 1)
    assert.lengthOf(await eventsOf(session.id), 1)
  })

  test('a no-show and a desk check-in at once: exactly one happens', async ({ assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const session = await PhotoSessionFactory.apply('confirmed').create()
    const [a, b] = await Promise.all([PhotoSession.findOrFail(session.id), PhotoSession.findOrFail(session.id)])
    const results = await Promise.all([a.markNoShow(), b.checkIn({ actor: actors.user(staff) })])
    assert.equal(results.filter(Boolean).length, 1)
    const events = await eventsOf(session.id)
    assert.lengthOf(events, 1)
    assert.equal((await PhotoSession.findOrFail(session.id)).status, events[0].toStatus)
  })
})
