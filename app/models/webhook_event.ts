import { DateTime } from 'luxon'
import { column, scope } from '@adonisjs/lucid/orm'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AppModel from '#models/app_model'
import { jsonColumn } from '#models/concerns/json_column'
import { assertTransition } from '#models/concerns/state_machine'

export const WEBHOOK_EVENT_STATUSES = ['received', 'processed', 'failed', 'ignored'] as const
export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUSES)[number]

const TRANSITIONS: Record<WebhookEventStatus, readonly WebhookEventStatus[]> = {
  received: ['processed', 'failed', 'ignored'],
  failed: ['processed', 'failed', 'ignored'],
  processed: [],
  ignored: [],
}

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

  async markProcessed(trx?: TransactionClientContract) {
    await this.transitionTo('processed', trx, () => {
      this.processedAt = DateTime.now()
      this.error = null
    })
  }

  async markFailed(error: string, trx?: TransactionClientContract) {
    await this.transitionTo('failed', trx, () => (this.error = error))
  }

  /** An event type the app does not handle. */
  async markIgnored(trx?: TransactionClientContract) {
    await this.transitionTo('ignored', trx, () => (this.processedAt = DateTime.now()))
  }

  private async transitionTo(to: WebhookEventStatus, trx?: TransactionClientContract, apply?: () => void) {
    assertTransition('Webhook event', this.status, to, TRANSITIONS)
    this.status = to
    this.attempts += 1
    apply?.()
    if (trx) this.useTransaction(trx)
    await this.save()
  }
}
