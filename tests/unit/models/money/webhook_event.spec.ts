import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import WebhookEvent from '#models/webhook_event'
import { WebhookEventFactory } from '#database/factories/webhook_event_factory'
import StatusChange from '#models/status_change'
import { assertViolates } from '#tests/support/violations'

test.group('Webhook event', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates an event whose payload reloads as an object', async ({ assert }) => {
    const event = await WebhookEventFactory.create()
    const reloaded = await WebhookEvent.findOrFail(event.id)
    assert.deepEqual(reloaded.payload, event.payload)
    assert.equal(reloaded.status, 'received')
  })

  test('a provider event is stored once', async ({ assert }) => {
    const event = await WebhookEventFactory.create()
    await assertViolates(() => WebhookEventFactory.merge({ eventId: event.eventId }).create(), 'unique')
    const other = await WebhookEventFactory.merge({ eventId: event.eventId, provider: 'printful' }).create()
    assert.equal(other.eventId, event.eventId)
  })

  test('the status must be a known one', async () => {
    await assertViolates(() => WebhookEventFactory.merge({ status: 'queued' as any }).create(), 'check')
  })

  test('an event is processed, or fails and is retried, counting each attempt', async ({ assert }) => {
    const event = await WebhookEventFactory.create()
    assert.isTrue(await event.markFailed('No payment matches'))
    assert.isTrue(await event.markFailed('Still no payment'))
    assert.equal((await WebhookEvent.findOrFail(event.id)).error, 'Still no payment')
    assert.isTrue(await event.markProcessed())
    const reloaded = await WebhookEvent.findOrFail(event.id)
    assert.equal(reloaded.status, 'processed')
    assert.isNull(reloaded.error)
    assert.equal(reloaded.attempts, 3)
    assert.isNotNull(reloaded.processedAt)
    const history = await StatusChange.of('WebhookEvent', event.id)
    assert.deepEqual(history.map((c) => [c.fromStatus, c.toStatus]), [
      ['received', 'failed'],
      ['failed', 'failed'],
      ['failed', 'processed'],
    ])
  })

  test('pending lists received and failed events, oldest first', async ({ assert }) => {
    const received = await WebhookEventFactory.create()
    const failed = await WebhookEventFactory.apply('failed').create()
    await WebhookEventFactory.apply('processed').create()
    const ids = (await WebhookEvent.query().withScopes((s) => s.pending())).map((e) => e.id)
    assert.sameMembers(ids, [received.id, failed.id])
  })

  test('refused webhook transitions return false and count no attempt', async ({ assert }) => {
    const processed = await WebhookEventFactory.apply('processed').create()
    const ignored = await WebhookEventFactory.create()
    assert.isTrue(await ignored.markIgnored())
    assert.isFalse(await processed.markProcessed())
    assert.isFalse(await processed.markFailed('x'))
    assert.isFalse(await ignored.markProcessed())
    const [a, b] = [await WebhookEvent.findOrFail(processed.id), await WebhookEvent.findOrFail(ignored.id)]
    assert.equal(a.status, 'processed')
    assert.equal(a.attempts, processed.attempts)
    assert.isNull(a.error)
    assert.equal(b.status, 'ignored')
    assert.equal(b.attempts, 1)
    assert.lengthOf(await StatusChange.of('WebhookEvent', processed.id), 0)
  })
})
