import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import WebhookEvent from '#models/webhook_event'

export const WebhookEventFactory = factory
  .define(WebhookEvent, ({ faker }) => {
    const eventId = `evt_${faker.string.alphanumeric(24)}`
    return {
      provider: 'stripe',
      eventId,
      type: 'payment_intent.succeeded',
      payload: {
        id: eventId,
        type: 'payment_intent.succeeded',
        data: { object: { id: `pi_${faker.string.alphanumeric(24)}` } },
      },
      status: 'received' as const,
      attempts: 0,
      receivedAt: DateTime.now(),
    }
  })
  .state('processed', (event) => {
    event.status = 'processed'
    event.attempts = 1
    event.processedAt = DateTime.now()
  })
  .state('failed', (event) => {
    event.status = 'failed'
    event.attempts = 1
    event.error = 'No payment matches this intent'
  })
  .build()
