import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import WebhookEvent from '#models/webhook_event'
import { sqlTime } from '#support/db/sql_time'

/**
 * A verified provider event, stored once: provider + event id are unique, so a redelivery
 * or a concurrent copy adds no row and both callers get the same one back.
 */
export async function storeWebhookEvent(provider: 'stripe' | 'paypal', event: { id: string; type: string; payload: unknown }) {
  const at = sqlTime()
  await db
    .connection()
    .knexQuery()
    .table('webhook_events')
    .insert({
      id: randomUUID(),
      provider,
      event_id: event.id,
      type: event.type,
      payload: JSON.stringify(event.payload),
      status: 'received',
      attempts: 0,
      received_at: at,
      created_at: at,
      updated_at: at,
    })
    .onConflict(['provider', 'event_id'])
    .ignore()
  return WebhookEvent.query().where('provider', provider).where('event_id', event.id).firstOrFail()
}
