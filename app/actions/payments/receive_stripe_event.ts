import { randomUUID } from 'node:crypto'
import type Stripe from 'stripe'
import db from '@adonisjs/lucid/services/db'
import WebhookEvent from '#models/webhook_event'
import ProcessStripeEvent from '#actions/payments/process_stripe_event'
import type { StripeGateway } from '#services/payments/stripe_gateway'
import { sqlTime } from '#support/db/sql_time'

/**
 * A verified Stripe event: stored once (provider + event id are unique, so a redelivery or
 * a concurrent copy adds no row), then handled unless it was already. Handling is itself
 * idempotent, so two copies handled at once still settle one payment.
 */
export default class ReceiveStripeEvent {
  static async handle(event: Stripe.Event, gateway: StripeGateway) {
    const at = sqlTime()
    await db
      .connection()
      .knexQuery()
      .table('webhook_events')
      .insert({
        id: randomUUID(),
        provider: 'stripe',
        event_id: event.id,
        type: event.type,
        payload: JSON.stringify(event),
        status: 'received',
        attempts: 0,
        received_at: at,
        created_at: at,
        updated_at: at,
      })
      .onConflict(['provider', 'event_id'])
      .ignore()
    const row = await WebhookEvent.query().where('provider', 'stripe').where('event_id', event.id).firstOrFail()
    if (row.status === 'processed' || row.status === 'ignored') return row
    return ProcessStripeEvent.handle(row, gateway)
  }
}
