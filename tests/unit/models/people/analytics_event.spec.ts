import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import AnalyticsEvent from '#models/analytics_event'
import { AnalyticsEventFactory } from '#database/factories/analytics_event_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Analytics event', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates an event that reloads with its subject', async ({ assert }) => {
    const event = await AnalyticsEventFactory.apply('artworkView').create()
    const reloaded = await AnalyticsEvent.findOrFail(event.id)
    assert.equal(reloaded.name, 'artwork_view')
    assert.equal(reloaded.subjectId, event.subjectId)
    assert.lengthOf(reloaded.visitorHash, 64)
    assert.notProperty(reloaded.serialize(), 'visitorHash')
  })

  test('events are counted by name since a date', async ({ assert }) => {
    const recent = await AnalyticsEventFactory.apply('purchase').create()
    await AnalyticsEventFactory.apply('purchase')
      .merge({ createdAt: DateTime.now().minus({ days: 40 }) })
      .create()
    await AnalyticsEventFactory.create()
    const found = await AnalyticsEvent.query().withScopes((scopes) => {
      scopes.named('purchase')
      scopes.since(DateTime.now().minus({ days: 30 }))
    })
    assert.deepEqual(
      found.map((event) => event.id),
      [recent.id]
    )
  })

  test('the visitor hash is stable within a day and changes the next day', async ({ assert }) => {
    const visitor = { ip: '203.0.113.9', userAgent: 'Firefox', salt: 'pepper' }
    const day = DateTime.fromISO('2026-04-01T09:00:00')
    const morning = AnalyticsEvent.visitorHashFor({ ...visitor, day })
    const evening = AnalyticsEvent.visitorHashFor({ ...visitor, day: day.set({ hour: 21 }) })
    const tomorrow = AnalyticsEvent.visitorHashFor({ ...visitor, day: day.plus({ days: 1 }) })
    assert.equal(morning, evening)
    assert.notEqual(morning, tomorrow)
    assert.notInclude(morning, '203.0.113.9')
  })

  test('the event name must be a known one', async () => {
    await assertViolates(() => AnalyticsEventFactory.merge({ name: 'hover' as any }).create(), 'check')
  })
})
