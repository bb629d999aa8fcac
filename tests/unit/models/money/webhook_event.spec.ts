import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import WebhookEvent from '#models/webhook_event'
import { WebhookEventFactory } from '#database/factories/webhook_event_factory'

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
    await assert.rejects(() => WebhookEventFactory.merge({ eventId: event.eventId }).create())
    const other = await WebhookEventFactory.merge({ eventId: event.eventId, provider: 'printful' }).create()
    assert.equal(other.eventId, event.eventId)
  })

  test('the status must be a known one', async ({ assert }) => {
    await assert.rejects(() => WebhookEventFactory.merge({ status: 'queued' as any }).create())
  })

  test('an event is processed, or fails and is retried', async ({ assert }) => {
    const event = await WebhookEventFactory.create()
    await event.markFailed('No payment matches')
    assert.equal(event.status, 'failed')
    assert.equal(event.error, 'No payment matches')
    await event.markProcessed()
    const reloaded = await WebhookEvent.findOrFail(event.id)
    assert.equal(reloaded.status, 'processed')
    assert.isNull(reloaded.error)
    assert.equal(reloaded.attempts, 2)
    assert.isNotNull(reloaded.processedAt)
  })

  test('pending lists received and failed events, oldest first', async ({ assert }) => {
    const received = await WebhookEventFactory.create()
    const failed = await WebhookEventFactory.apply('failed').create()
    await WebhookEventFactory.apply('processed').create()
    const ids = (await WebhookEvent.query().withScopes((s) => s.pending())).map((e) => e.id)
    assert.sameMembers(ids, [received.id, failed.id])
  })

  test('refused webhook transitions', async ({ assert }) => {
    const processed = await WebhookEventFactory.apply('processed').create()
    const ignored = await WebhookEventFactory.create()
    await ignored.markIgnored()
    await assert.rejects(() => processed.markProcessed(), /cannot go from processed to processed/)
    await assert.rejects(() => processed.markFailed('x'), /cannot go from processed to failed/)
    await assert.rejects(() => ignored.markProcessed(), /cannot go from ignored to processed/)
  })
})
