import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import BlackoutDate from '#models/blackout_date'
import { BlackoutDateFactory } from '#database/factories/blackout_date_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Blackout date', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a blackout that reloads on the same day', async ({ assert }) => {
    const blackout = await BlackoutDateFactory.create()
    const reloaded = await BlackoutDate.findOrFail(blackout.id)
    assert.equal(reloaded.date.toISODate(), blackout.date.toISODate())
  })

  test('a day can be blacked out only once', async () => {
    const blackout = await BlackoutDateFactory.create()
    await assertViolates(() => BlackoutDateFactory.merge({ date: blackout.date }).create(), 'unique')
  })

  test('upcoming lists today and later, not past days', async ({ assert }) => {
    const today = await BlackoutDateFactory.merge({ date: DateTime.now().startOf('day') }).create()
    await BlackoutDateFactory.apply('past').create()
    const upcoming = await BlackoutDate.query().withScopes((scopes) => scopes.upcoming())
    assert.deepEqual(
      upcoming.map((blackout) => blackout.id),
      [today.id]
    )
  })

  test('between lists the days inside a range', async ({ assert }) => {
    const start = DateTime.now().startOf('day').plus({ days: 100 })
    const inside = await BlackoutDateFactory.merge({ date: start.plus({ days: 2 }) }).create()
    await BlackoutDateFactory.merge({ date: start.plus({ days: 20 }) }).create()
    const found = await BlackoutDate.query().withScopes((scopes) => scopes.between(start, start.plus({ days: 7 })))
    assert.deepEqual(
      found.map((blackout) => blackout.id),
      [inside.id]
    )
  })
})
