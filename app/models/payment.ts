import { DateTime } from 'luxon'
import { belongsTo, column, computed, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { ModelAttributes } from '@adonisjs/lucid/types/model'
import { Exception } from '@adonisjs/core/exceptions'
import AppModel from '#models/app_model'
import User from '#models/user'
import PhotoSession from '#models/photo_session'
import Order from '#models/order'
import PaymentPlan from '#models/payment_plan'
import PlanInstallment from '#models/plan_installment'
import Transformation from '#models/transformation'
import CustomOrderMilestone from '#models/custom_order_milestone'
import Invoice from '#models/invoice'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { defineStateMachine, transition, transitionMany, type ChangeOptions } from '#models/concerns/state_machine'

export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'refunded', 'partially_refunded'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

export const PAYMENT_TYPES = [
  'deposit',
  'balance',
  'plan_payment',
  'product_purchase',
  'transformation',
  'milestone',
] as const
export type PaymentType = (typeof PAYMENT_TYPES)[number]

export const PAYMENT_METHODS = ['card', 'cash', 'in_studio', 'bank_transfer'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export const PAYMENT_PROVIDERS = ['stripe', 'offline', 'paypal'] as const
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number]

export interface SucceededDetails {
  providerChargeId?: string | null
  providerPaymentId?: string | null
  method?: PaymentMethod
  receivedBy?: string | null
}

/** `partially_refunded → partially_refunded` is a further partial refund, guarded by the amount refunded so far. */
export const paymentStates = defineStateMachine<PaymentStatus>('Payment', {
  pending: ['succeeded', 'failed'],
  succeeded: ['refunded', 'partially_refunded'],
  partially_refunded: ['refunded', 'partially_refunded'],
  failed: [],
  refunded: [],
})

/** Money received (or attempted) for a session, order, plan, transformation or milestone. */
export default class Payment extends AppModel {
  @column()
  declare userId: string | null

  @column()
  declare photoSessionId: string | null

  @column()
  declare orderId: string | null

  @column()
  declare paymentPlanId: string | null

  @column()
  declare planInstallmentId: string | null

  @column()
  declare transformationId: string | null

  @column()
  declare customOrderMilestoneId: string | null

  /** The invoice this payment settled (ApplyPaymentToInvoice). */
  @column()
  declare invoiceId: string | null

  @column()
  declare amount: number

  @column()
  declare currency: string

  @column()
  declare paymentType: PaymentType

  @column()
  declare method: PaymentMethod

  @column()
  declare provider: PaymentProvider

  @column()
  declare providerPaymentId: string | null

  @column()
  declare providerChargeId: string | null

  @column()
  declare idempotencyKey: string

  @column()
  declare status: PaymentStatus

  @column()
  declare failureCode: string | null

  @column()
  declare failureReason: string | null

  @column()
  declare refundAmount: number

  @column()
  declare refundReason: string | null

  @column.dateTime()
  declare processedAt: DateTime | null

  /** The studio member who marked an offline payment received. */
  @column()
  declare receivedBy: string | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => PhotoSession)
  declare photoSession: BelongsTo<typeof PhotoSession>

  @belongsTo(() => Order)
  declare order: BelongsTo<typeof Order>

  @belongsTo(() => PaymentPlan)
  declare paymentPlan: BelongsTo<typeof PaymentPlan>

  @belongsTo(() => PlanInstallment)
  declare planInstallment: BelongsTo<typeof PlanInstallment>

  @belongsTo(() => Transformation)
  declare transformation: BelongsTo<typeof Transformation>

  @belongsTo(() => CustomOrderMilestone)
  declare customOrderMilestone: BelongsTo<typeof CustomOrderMilestone>

  @belongsTo(() => Invoice)
  declare invoice: BelongsTo<typeof Invoice>

  /** Money kept: succeeded or partly refunded. */
  static settled = scope((query) => {
    query.whereIn('status', ['succeeded', 'partially_refunded'])
  })

  /**
   * A pending payment written under its idempotency key; when a twin request (a double
   * tap, a retry) wrote it first, the unique key makes this insert fail and the twin's row
   * is returned instead.
   */
  static async createOnce(attributes: Partial<ModelAttributes<Payment>> & { idempotencyKey: string }) {
    try {
      return await Payment.create(attributes)
    } catch (error) {
      const winner = await Payment.findBy('idempotency_key', attributes.idempotencyKey)
      if (!winner) throw error
      return winner
    }
  }

  @computed()
  get refundable() {
    return this.status === 'succeeded' || this.status === 'partially_refunded' ? this.amount - this.refundAmount : 0
  }

  /** `method` and `receivedBy` record money taken at the desk (offline payments). */
  markSucceeded(details: SucceededDetails = {}, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, paymentStates, 'succeeded', { ...options, now, set: { ...this.succeededChanges(details), processedAt: now } })
  }

  /** `markSucceeded` for many payments in one statement (a billing run's batch). Returns those that moved. */
  static markManySucceeded(payments: Payment[], details: (payment: Payment) => SucceededDetails, options: ChangeOptions & { client: TransactionClientContract }) {
    const now = options.now ?? DateTime.now()
    return transitionMany(payments, paymentStates, 'succeeded', { ...options, now, set: { processedAt: now }, each: (payment) => payment.succeededChanges(details(payment)) })
  }

  private succeededChanges(details: SucceededDetails) {
    const set: Record<string, unknown> = { providerChargeId: details.providerChargeId ?? this.providerChargeId }
    if (details.method) set.method = details.method
    if (details.providerPaymentId) set.providerPaymentId = details.providerPaymentId
    if (details.receivedBy !== undefined) set.receivedBy = details.receivedBy
    return set
  }

  markFailed(code: string | null, reason: string, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, paymentStates, 'failed', {
      ...options,
      now,
      set: { failureCode: code, failureReason: reason, processedAt: now },
    })
  }

  /**
   * Records a refund of `amount` cents (all that is left by default). The amount refunded
   * so far is checked in the same UPDATE, so two refunds computed from the same reading
   * can't both apply (and together exceed the payment). More than is refundable is a bug.
   */
  async refund(reason: string, amount: number = this.refundable, options: ChangeOptions = {}) {
    if (!Number.isInteger(amount) || amount <= 0 || amount > this.refundable) {
      throw new Exception(`Cannot refund ${amount} of payment ${this.id} (refundable ${this.refundable})`, {
        status: 422,
        code: 'E_INVALID_REFUND',
      })
    }
    const before = this.refundAmount
    const refunded = before + amount
    return transition(this, paymentStates, refunded === this.amount ? 'refunded' : 'partially_refunded', {
      ...options,
      note: options.note ?? reason,
      set: { refundAmount: refunded, refundReason: reason },
      where: (query) => query.where('refund_amount', before),
    })
  }
}
