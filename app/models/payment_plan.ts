import { DateTime } from 'luxon'
import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AppModel from '#models/app_model'
import User from '#models/user'
import PhotoSession from '#models/photo_session'
import Invoice from '#models/invoice'
import PlanInstallment from '#models/plan_installment'
import Payment from '#models/payment'
import { assertTransition } from '#models/concerns/state_machine'

export const PLAN_TYPES = ['full', '2_pay', '3_pay', '4_pay'] as const
export type PlanType = (typeof PLAN_TYPES)[number]

export const PLAN_STATUSES = ['active', 'completed', 'past_due', 'failed', 'cancelled'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

export const PAYMENTS_PER_PLAN: Record<PlanType, number> = { 'full': 1, '2_pay': 2, '3_pay': 3, '4_pay': 4 }

/** Consecutive failed charges after which a plan stops retrying (studio_settings.max_payment_attempts). */
export const MAX_PLAN_FAILURES = 3

const TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  active: ['completed', 'past_due', 'cancelled'],
  past_due: ['active', 'completed', 'failed', 'cancelled'],
  failed: ['active', 'cancelled'],
  completed: [],
  cancelled: [],
}

/** Paying a session (or invoice) in 1–4 scheduled charges. */
export default class PaymentPlan extends AppModel {
  @column()
  declare userId: string

  @column()
  declare photoSessionId: string | null

  @column()
  declare invoiceId: string | null

  @column()
  declare planType: PlanType

  @column()
  declare totalAmount: number

  @column()
  declare currency: string

  @column()
  declare paymentsTotal: number

  @column()
  declare paymentsCompleted: number

  @column.date()
  declare nextChargeOn: DateTime | null

  @column()
  declare status: PlanStatus

  @column()
  declare failureCount: number

  @column({ serializeAs: null })
  declare stripeCustomerId: string | null

  @column({ serializeAs: null })
  declare stripePaymentMethodId: string | null

  @column.dateTime()
  declare cancelledAt: DateTime | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => PhotoSession)
  declare photoSession: BelongsTo<typeof PhotoSession>

  @belongsTo(() => Invoice)
  declare invoice: BelongsTo<typeof Invoice>

  @hasMany(() => PlanInstallment, { onQuery: (query) => query.orderBy('sequence', 'asc') })
  declare installments: HasMany<typeof PlanInstallment>

  @hasMany(() => Payment)
  declare payments: HasMany<typeof Payment>

  /** Active plans whose next charge is due on or before `today`. */
  static activeDue = scope((query, today: DateTime = DateTime.now()) => {
    query.where('status', 'active').where('next_charge_on', '<=', today.toISODate()!)
  })

  /** Installment rows for a plan: equal monthly charges, the remainder cents on the first. */
  static schedule(totalAmount: number, planType: PlanType, firstDueOn: DateTime) {
    const count = PAYMENTS_PER_PLAN[planType]
    const base = Math.floor(totalAmount / count)
    return Array.from({ length: count }, (_, index) => ({
      sequence: index + 1,
      dueOn: firstDueOn.plus({ months: index }),
      amount: index === 0 ? totalAmount - base * (count - 1) : base,
    }))
  }

  get paymentsRemaining() {
    return this.paymentsTotal - this.paymentsCompleted
  }

  /** After an installment was marked paid: counts it, moves the next charge date, completes at the end. */
  async recordInstallmentPaid(trx?: TransactionClientContract) {
    const completed = this.paymentsCompleted + 1
    const target: PlanStatus = completed >= this.paymentsTotal ? 'completed' : 'active'
    if (target !== this.status) assertTransition('Payment plan', this.status, target, TRANSITIONS)
    if (trx) this.useTransaction(trx)
    const next = await PlanInstallment.query({ client: this.$trx })
      .where('payment_plan_id', this.id)
      .whereNot('status', 'paid')
      .orderBy('sequence', 'asc')
      .first()
    this.paymentsCompleted = completed
    this.failureCount = 0
    this.nextChargeOn = target === 'completed' ? null : (next?.dueOn ?? null)
    this.status = target
    await this.save()
  }

  /** A charge failed: past due first, failed once `maxFailures` charges in a row failed. */
  async recordChargeFailure(maxFailures = MAX_PLAN_FAILURES, trx?: TransactionClientContract) {
    const failures = this.failureCount + 1
    if (this.status === 'active') return this.transitionTo('past_due', trx, () => (this.failureCount = failures))
    if (failures >= maxFailures) return this.transitionTo('failed', trx, () => (this.failureCount = failures))
    if (this.status !== 'past_due') assertTransition('Payment plan', this.status, 'past_due', TRANSITIONS)
    this.failureCount = failures
    await this.persist(trx)
  }

  async markPastDue(trx?: TransactionClientContract) {
    await this.transitionTo('past_due', trx, () => (this.failureCount += 1))
  }

  async markFailed(trx?: TransactionClientContract) {
    await this.transitionTo('failed', trx)
  }

  /** Back to active, e.g. after the customer updated their card. */
  async reactivate(trx?: TransactionClientContract) {
    await this.transitionTo('active', trx, () => (this.failureCount = 0))
  }

  async cancel(trx?: TransactionClientContract) {
    await this.transitionTo('cancelled', trx, () => (this.cancelledAt = DateTime.now()))
  }

  private async transitionTo(to: PlanStatus, trx?: TransactionClientContract, apply?: () => void) {
    assertTransition('Payment plan', this.status, to, TRANSITIONS)
    this.status = to
    apply?.()
    await this.persist(trx)
  }

  private async persist(trx?: TransactionClientContract) {
    if (trx) this.useTransaction(trx)
    await this.save()
  }
}
