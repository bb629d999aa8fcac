import { DateTime } from 'luxon'
import { beforeCreate, belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import CustomOrder from '#models/custom_order'
import Payment from '#models/payment'
import { assertTransition } from '#models/concerns/state_machine'

export const MILESTONE_STATUSES = ['pending', 'funded', 'delivered', 'released', 'refunded', 'disputed'] as const
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number]

const TRANSITIONS: Record<MilestoneStatus, readonly MilestoneStatus[]> = {
  pending: ['funded'],
  funded: ['delivered', 'refunded', 'disputed'],
  delivered: ['released', 'disputed'],
  disputed: ['released', 'refunded'],
  released: [],
  refunded: [],
}

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

  async fund(payment: Payment) {
    this.transitionTo('funded')
    this.paymentId = payment.id
    this.fundedAt = DateTime.now()
    await this.save()
  }

  async deliver() {
    this.transitionTo('delivered')
    this.deliveredAt = DateTime.now()
    await this.save()
  }

  async release() {
    this.transitionTo('released')
    this.releasedAt = DateTime.now()
    await this.save()
  }

  async refund() {
    this.transitionTo('refunded')
    this.refundedAt = DateTime.now()
    await this.save()
  }

  async dispute(reason: string) {
    this.transitionTo('disputed')
    this.disputedAt = DateTime.now()
    this.disputeReason = reason
    await this.save()
  }

  private transitionTo(to: MilestoneStatus) {
    assertTransition('Milestone', this.status, to, TRANSITIONS)
    this.status = to
  }
}
