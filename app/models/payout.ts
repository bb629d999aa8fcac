import { DateTime } from 'luxon'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AppModel from '#models/app_model'
import User from '#models/user'
import { assertTransition } from '#models/concerns/state_machine'

export const PAYOUT_STATUSES = ['pending', 'paid', 'failed'] as const
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number]

const TRANSITIONS: Record<PayoutStatus, readonly PayoutStatus[]> = {
  pending: ['paid', 'failed'],
  failed: ['pending'],
  paid: [],
}

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

  async markPaid(reference: string, trx?: TransactionClientContract) {
    await this.transitionTo('paid', trx, () => {
      this.reference = reference
      this.failureReason = null
      this.processedAt = DateTime.now()
    })
  }

  async markFailed(reason: string, trx?: TransactionClientContract) {
    await this.transitionTo('failed', trx, () => {
      this.failureReason = reason
      this.processedAt = DateTime.now()
    })
  }

  /** Queue a failed payout again. */
  async retry(trx?: TransactionClientContract) {
    await this.transitionTo('pending', trx)
  }

  private async transitionTo(to: PayoutStatus, trx?: TransactionClientContract, apply?: () => void) {
    assertTransition('Payout', this.status, to, TRANSITIONS)
    this.status = to
    apply?.()
    if (trx) this.useTransaction(trx)
    await this.save()
  }
}
