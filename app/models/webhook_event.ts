import { DateTime } from 'luxon'
import { column, scope } from '@adonisjs/lucid/orm'
import AppModel from '#models/app_model'
import { jsonColumn } from '#models/concerns/json_column'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const WEBHOOK_EVENT_STATUSES = ['received', 'processed', 'failed', 'ignored'] as const
export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUSES)[number]

/** Every handling counts an attempt; `failed → failed` is a retry that failed again. */
export const webhookEventStates = defineStateMachine<WebhookEventStatus>('WebhookEvent', {
  received: ['processed', 'failed', 'ignored'],
  failed: ['processed', 'failed', 'ignored'],
  processed: [],
  ignored: [],
})

/** A provider callback as received; (provider, event_id) is unique, so a redelivery is seen as one. */
export default class WebhookEvent extends AppModel {
  @column()
  declare provider: string

  @column()
  declare eventId: string

  @column()
  declare type: string

  @jsonColumn()
  declare payload: Record<string, unknown>

  @column()
  declare status: WebhookEventStatus

  @column()
  declare attempts: number

  @column()
  declare error: string | null

  @column.dateTime()
  declare receivedAt: DateTime

  @column.dateTime()
  declare processedAt: DateTime | null

  /** Received or failed: still to be handled. */
  static pending = scope((query) => {
    query.whereIn('status', ['received', 'failed']).orderBy('received_at', 'asc')
  })

  markProcessed(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return this.handled('processed', { processedAt: now, error: null }, { ...options, now })
  }

  markFailed(error: string, options: ChangeOptions = {}) {
    return this.handled('failed', { error }, options)
  }

  /** An event type the app does not handle. */
  markIgnored(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return this.handled('ignored', { processedAt: now }, { ...options, now })
  }

  /** The attempt count read is checked in the same UPDATE: two handlers of one retry can't both count. */
  private handled(to: WebhookEventStatus, set: Record<string, unknown>, options: ChangeOptions) {
    const attempts = this.attempts
    return transition(this, webhookEventStates, to, {
      ...options,
      set: { ...set, attempts: attempts + 1 },
      where: (query) => query.where('attempts', attempts),
    })
  }
}
