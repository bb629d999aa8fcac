import { DateTime } from 'luxon'
import { beforeCreate, belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import CustomOrder from '#models/custom_order'
import Payment from '#models/payment'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const MILESTONE_STATUSES = ['pending', 'funded', 'delivered', 'released', 'refunded', 'disputed'] as const
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number]

export const milestoneStates = defineStateMachine<MilestoneStatus>('CustomOrderMilestone', {
  pending: ['funded'],
  funded: ['delivered', 'refunded', 'disputed'],
  delivered: ['released', 'disputed'],
  disputed: ['released', 'refunded'],
  released: [],
  refunded: [],
})

/**
 * One paid step of a custom order. Funded money is held (escrow) until the customer
 * accepts the delivery and it is released to the photographer, or it is refunded.
 */
export default class CustomOrderMilestone extends AppModel {
  @column()
  declare customOrderId: string

  @column()
  declare title: string

  @column()
  declare amount: number

  @column()
  declare position: number

  @column()
  declare status: MilestoneStatus

  @column()
  declare paymentId: string | null

  @column.dateTime()
  declare fundedAt: DateTime | null

  @column.dateTime()
  declare deliveredAt: DateTime | null

  @column.dateTime()
  declare releasedAt: DateTime | null

  @column.dateTime()
  declare refundedAt: DateTime | null

  @column.dateTime()
  declare disputedAt: DateTime | null

  @column()
  declare disputeReason: string | null

  @belongsTo(() => CustomOrder)
  declare customOrder: BelongsTo<typeof CustomOrder>

  @belongsTo(() => Payment)
  declare payment: BelongsTo<typeof Payment>

  @beforeCreate()
  static defaultStatus(milestone: CustomOrderMilestone) {
    milestone.status ??= 'pending'
  }

  /** Money the studio holds on a customer's behalf. */
  static inEscrow = scope((query) => {
    query.whereIn('status', ['funded', 'delivered', 'disputed'])
  })

  /** The customer's payment is held for this step. */
  fund(payment: Payment, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, milestoneStates, 'funded', { ...options, now, set: { paymentId: payment.id, fundedAt: now } })
  }

  deliver(options: ChangeOptions = {}) {
    return this.stamp('delivered', 'deliveredAt', options)
  }

  /** The held money goes to the photographer. */
  release(options: ChangeOptions = {}) {
    return this.stamp('released', 'releasedAt', options)
  }

  refund(options: ChangeOptions = {}) {
    return this.stamp('refunded', 'refundedAt', options)
  }

  dispute(reason: string, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, milestoneStates, 'disputed', {
      ...options,
      now,
      note: options.note ?? reason,
      set: { disputedAt: now, disputeReason: reason },
    })
  }

  private stamp(to: MilestoneStatus, column: 'deliveredAt' | 'releasedAt' | 'refundedAt', options: ChangeOptions) {
    const now = options.now ?? DateTime.now()
    return transition(this, milestoneStates, to, { ...options, now, set: { [column]: now } })
  }
}
