import { DateTime } from 'luxon'
import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import PhotoSession from '#models/photo_session'
import Invoice from '#models/invoice'
import PlanInstallment from '#models/plan_installment'
import Payment from '#models/payment'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { defineStateMachine, stillHolds, transition, transitionMany, type ChangeOptions } from '#models/concerns/state_machine'

export const PLAN_TYPES = ['full', '2_pay', '3_pay', '4_pay'] as const
export type PlanType = (typeof PLAN_TYPES)[number]

export const PLAN_STATUSES = ['active', 'completed', 'past_due', 'failed', 'cancelled'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

export const PAYMENTS_PER_PLAN: Record<PlanType, number> = { 'full': 1, '2_pay': 2, '3_pay': 3, '4_pay': 4 }

/** Consecutive failed charges after which a plan stops retrying (studio_settings.max_payment_attempts). */
export const MAX_PLAN_FAILURES = 3

/**
 * `active → active` is an installment paid, `past_due → past_due` another failed charge:
 * both guarded by the counter they move, so each payment or failure counts once.
 */
export const paymentPlanStates = defineStateMachine<PlanStatus>('PaymentPlan', {
  active: ['active', 'completed', 'past_due', 'cancelled'],
  past_due: ['active', 'past_due', 'completed', 'failed', 'cancelled'],
  failed: ['active', 'cancelled'],
  completed: [],
  cancelled: [],
})

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

  /**
   * After an installment was marked paid: counts it, moves the next charge date, clears
   * the failures, completes the plan at the end. The count read is checked in the same
   * UPDATE, so one payment is counted once.
   */
  async recordInstallmentPaid(options: ChangeOptions = {}) {
    const completed = this.paymentsCompleted + 1
    const done = completed >= this.paymentsTotal
    const next = done
      ? null
      : await PlanInstallment.query({ client: options.client ?? this.$trx })
          .where('payment_plan_id', this.id)
          .whereNot('status', 'paid')
          .orderBy('sequence', 'asc')
          .first()
    return this.count(done ? 'completed' : 'active', 'paymentsCompleted', completed, {
      ...options,
      set: { failureCount: 0, nextChargeOn: next?.dueOn ?? null },
    })
  }

  /**
   * `recordInstallmentPaid` for many plans in a few statements (a billing run's batch), each
   * plan's next charge date given by the caller (its first open installment, read in the
   * same transaction). The counts read are checked row by row. Returns the plans that moved.
   */
  static async recordManyInstallmentsPaid(plans: PaymentPlan[], nextChargeOn: (plan: PaymentPlan) => DateTime | null, options: ChangeOptions & { client: TransactionClientContract }) {
    const moved: PaymentPlan[] = []
    for (const completes of [true, false]) {
      const group = plans.filter((plan) => plan.paymentsCompleted + 1 >= plan.paymentsTotal === completes)
      if (!group.length) continue
      const changed = await transitionMany(group, paymentPlanStates, completes ? 'completed' : 'active', {
        ...options,
        set: { failureCount: 0 },
        each: (plan) => ({ paymentsCompleted: plan.paymentsCompleted + 1, nextChargeOn: completes ? null : nextChargeOn(plan) }),
        where: stillHolds('payments_completed', new Map(group.map((plan) => [plan.id, plan.paymentsCompleted]))),
      })
      moved.push(...changed)
    }
    return moved
  }

  /**
   * A charge failed: an active plan falls past due, a past-due one stays so until
   * `maxFailures` charges in a row have failed, then fails.
   */
  recordChargeFailure(maxFailures = MAX_PLAN_FAILURES, options: ChangeOptions = {}) {
    const failures = this.failureCount + 1
    const to: PlanStatus = this.status === 'past_due' && failures >= maxFailures ? 'failed' : 'past_due'
    return this.count(to, 'failureCount', failures, { ...options, from: [this.status] })
  }

  markPastDue(options: ChangeOptions = {}) {
    return this.count('past_due', 'failureCount', this.failureCount + 1, { ...options, from: ['active'] })
  }

  markFailed(options: ChangeOptions = {}) {
    return transition(this, paymentPlanStates, 'failed', options)
  }

  /** Back to active, e.g. after the customer updated their card. */
  reactivate(options: ChangeOptions = {}) {
    return transition(this, paymentPlanStates, 'active', {
      ...options,
      from: ['past_due', 'failed'],
      set: { failureCount: 0 },
    })
  }

  cancel(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, paymentPlanStates, 'cancelled', { ...options, now, set: { cancelledAt: now } })
  }

  /** A move that sets a counter: the value read is checked in the same UPDATE. */
  private count(
    to: PlanStatus,
    counter: 'paymentsCompleted' | 'failureCount',
    value: number,
    options: ChangeOptions & { from?: PlanStatus[]; set?: Record<string, unknown> }
  ) {
    const seen = this[counter]
    const column = counter === 'paymentsCompleted' ? 'payments_completed' : 'failure_count'
    return transition(this, paymentPlanStates, to, {
      ...options,
      set: { ...options.set, [counter]: value },
      where: (query) => query.where(column, seen),
    })
  }
}
