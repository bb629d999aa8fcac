import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import BusinessHour from '#models/business_hour'
import { BusinessHourFactory } from '#database/factories/business_hour_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Business hour', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates opening hours that reload', async ({ assert }) => {
    const hour = await BusinessHourFactory.create()
    const reloaded = await BusinessHour.findOrFail(hour.id)
    assert.equal(reloaded.opensAt, '09:00')
    assert.equal(reloaded.closesAt, '17:00')
    assert.equal(reloaded.durationMinutes, 480)
  })

  test('a weekday can have a morning and an afternoon, listed in order', async ({ assert }) => {
    await BusinessHourFactory.apply('afternoon').create()
    await BusinessHourFactory.apply('morning').create()
    const tuesday = await BusinessHour.query().withScopes((scopes) => scopes.onWeekday(2))
    assert.deepEqual(
      tuesday.map((hour) => hour.opensAt),
      ['09:00', '13:00']
    )
  })

  test('the interval lands on the requested day', async ({ assert }) => {
    const hour = await BusinessHourFactory.create()
    const { opens, closes } = hour.intervalOn(DateTime.fromISO('2026-05-12T15:30:00'))
    assert.equal(opens.toISO({ includeOffset: false }), '2026-05-12T09:00:00.000')
    assert.equal(closes.toISO({ includeOffset: false }), '2026-05-12T17:00:00.000')
  })

  test('two intervals cannot open at the same time on the same weekday', async () => {
    await BusinessHourFactory.create()
    await assertViolates(() => BusinessHourFactory.merge({ closesAt: '12:00' }).create(), 'unique')
  })

  test('closing must come after opening', async () => {
    await assertViolates(() => BusinessHourFactory.merge({ opensAt: '17:00', closesAt: '09:00' }).create(), 'check')
  })

  test('times must be written HH:MM', async () => {
    await assertViolates(() => BusinessHourFactory.merge({ opensAt: '9:00' }).create(), 'check')
  })

  test('the weekday must be 1 to 7', async () => {
    await assertViolates(() => BusinessHourFactory.merge({ weekday: 0 }).create(), 'check')
  })

  test('the capacity must be at least one session', async () => {
    await assertViolates(() => BusinessHourFactory.merge({ capacity: 0 }).create(), 'check')
  })
})
