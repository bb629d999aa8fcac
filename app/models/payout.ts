import { DateTime } from 'luxon'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const PAYOUT_STATUSES = ['pending', 'paid', 'failed'] as const
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number]

export const payoutStates = defineStateMachine<PayoutStatus>('Payout', {
  pending: ['paid', 'failed'],
  failed: ['pending'],
  paid: [],
})

/** A photographer's earnings for a period, sent to their payout account. */
export default class Payout extends AppModel {
  @column()
  declare photographerId: string

  @column()
  declare amount: number

  @column()
  declare currency: string

  @column.date()
  declare periodStart: DateTime

  @column.date()
  declare periodEnd: DateTime

  @column()
  declare status: PayoutStatus

  @column()
  declare reference: string | null

  @column()
  declare failureReason: string | null

  @column.dateTime()
  declare processedAt: DateTime | null

  @belongsTo(() => User, { foreignKey: 'photographerId' })
  declare photographer: BelongsTo<typeof User>

  static pending = scope((query) => {
    query.where('status', 'pending')
  })

  /** `reference` is the payout provider's transfer id. */
  markPaid(reference: string, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, payoutStates, 'paid', {
      ...options,
      now,
      set: { reference, failureReason: null, processedAt: now },
    })
  }

  markFailed(reason: string, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, payoutStates, 'failed', { ...options, now, set: { failureReason: reason, processedAt: now } })
  }

  /** Queue a failed payout again. */
  retry(options: ChangeOptions = {}) {
    return transition(this, payoutStates, 'pending', options)
  }
}
