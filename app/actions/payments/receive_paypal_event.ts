import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import WebhookEvent from '#models/webhook_event'
import ProcessPaypalEvent from '#actions/payments/process_paypal_event'
import { sqlTime } from '#support/db/sql_time'

/** A verified PayPal event: stored once (unique provider + event id), handled unless it was already. */
export default class ReceivePaypalEvent {
  static async handle(event: { id: string; event_type: string }) {
    const at = sqlTime()
    await db
      .connection()
      .knexQuery()
      .table('webhook_events')
      .insert({
        id: randomUUID(),
        provider: 'paypal',
        event_id: event.id,
        type: event.event_type,
        payload: JSON.stringify(event),
        status: 'received',
        attempts: 0,
        received_at: at,
        created_at: at,
        updated_at: at,
      })
      .onConflict(['provider', 'event_id'])
      .ignore()
    const row = await WebhookEvent.query().where('provider', 'paypal').where('event_id', event.id).firstOrFail()
    if (row.status === 'processed' || row.status === 'ignored') return row
    return ProcessPaypalEvent.handle(row)
  }
}
