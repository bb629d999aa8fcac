import { test } from '@japa/runner'
import WebhookEvent from '#models/webhook_event'
import StatusChange from '#models/status_change'
import { WebhookEventFactory } from '#database/factories/webhook_event_factory'
import { truncateAfterEach } from '#tests/support/truncate'
import { raceTransition } from '#tests/support/race'

test.group('WebhookEvent state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('a redelivered event handled twice at once is processed once', async ({ assert }) => {
    const event = await WebhookEventFactory.create()
    assert.equal(await raceTransition(WebhookEvent, event.id, (row) => row.markProcessed()), 1)
    assert.lengthOf(await StatusChange.of('WebhookEvent', event.id), 1)
    assert.equal((await WebhookEvent.findOrFail(event.id)).attempts, 1)
  })

  test('two retries of a failed event failing at once count one attempt (failed → failed)', async ({ assert }) => {
    const event = await WebhookEventFactory.apply('failed').create()
    const attempts = event.attempts
    assert.equal(await raceTransition(WebhookEvent, event.id, (row) => row.markFailed('timeout')), 1)
    assert.lengthOf(await StatusChange.of('WebhookEvent', event.id), 1)
    assert.equal((await WebhookEvent.findOrFail(event.id)).attempts, attempts + 1)
  })
})
