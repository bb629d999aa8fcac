import { DateTime } from 'luxon'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { ChainableContract } from '@adonisjs/lucid/types/querybuilder'
import db from '@adonisjs/lucid/services/db'
import AppModel from '#models/app_model'
import PaymentPlan from '#models/payment_plan'
import Payment from '#models/payment'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { defineStateMachine, stillHolds, transition, transitionMany, type ChangeOptions } from '#models/concerns/state_machine'
import { sqlTime } from '#support/db/sql_time'

export const INSTALLMENT_STATUSES = ['scheduled', 'processing', 'paid', 'failed'] as const
export type InstallmentStatus = (typeof INSTALLMENT_STATUSES)[number]

/**
 * `processing` is the claim a billing run takes before charging. `processing →
 * processing` is a claim taken over from a run that died (kill -9, lost machine): same
 * attempt, so the gateway sees the same idempotency key and can't charge twice.
 */
export const installmentStates = defineStateMachine<InstallmentStatus>('PlanInstallment', {
  scheduled: ['processing', 'paid', 'failed'],
  processing: ['processing', 'paid', 'failed'],
  failed: ['processing', 'paid'],
  paid: [],
})

/** How long a claim holds: a run charges one installment in seconds, so this is a dead run. */
export const CLAIM_TIMEOUT_MINUTES = 15

const UNCLAIMED = { claimedAt: null, claimedBy: null }

/** One scheduled charge of a payment plan. */
export default class PlanInstallment extends AppModel {
  @column()
  declare paymentPlanId: string

  @column()
  declare sequence: number

  @column.date()
  declare dueOn: DateTime

  @column()
  declare amount: number

  @column()
  declare status: InstallmentStatus

  /** Charge attempts made, counted when one is claimed (the attempt in progress included). */
  @column()
  declare attempts: number

  @column.dateTime()
  declare nextAttemptAt: DateTime | null

  @column()
  declare failureReason: string | null

  /** The provider's code for the last failure (`card_declined`, `insufficient_funds`). */
  @column()
  declare failureCode: string | null

  /** When the "we'll charge your card in 3 days" email went (claimed once). */
  @column.dateTime()
  declare headsUpSentAt: DateTime | null

  @column.dateTime()
  declare paidAt: DateTime | null

  /** While `processing`: when the billing run claimed it, and which run (its label). */
  @column.dateTime()
  declare claimedAt: DateTime | null

  @column()
  declare claimedBy: string | null

  /** The payment that settled it (no FK: payments.plan_installment_id holds that side). */
  @column()
  declare paymentId: string | null

  @belongsTo(() => PaymentPlan)
  declare paymentPlan: BelongsTo<typeof PaymentPlan>

  @belongsTo(() => Payment)
  declare payment: BelongsTo<typeof Payment>

  /** Ready to charge: scheduled and due, or failed and its retry time has come. */
  static due = scope((query, now: DateTime = DateTime.now()) => {
    query.where((q) => dueConditions(q, now))
  })

  /** What a billing run may claim: the due ones, and claims left by a run that died. */
  static claimable = scope((query, now: DateTime = DateTime.now(), timeoutMinutes = CLAIM_TIMEOUT_MINUTES) => {
    query.where((q) => {
      dueConditions(q, now)
      q.orWhere((stale) => stale.where('status', 'processing').where('claimed_at', '<', staleBefore(now, timeoutMinutes)))
    })
  })

  /**
   * The key the payment gateway gets for this attempt. A claim taken over keeps the
   * attempt, so a charge the dead run already sent is answered, not made again.
   */
  idempotencyKey() {
    if (this.attempts < 1) throw new Error(`Installment ${this.id} was never claimed: nothing to charge`)
    return `plan-installment:${this.id}:attempt:${this.attempts}`
  }

  /**
   * Claims the installment for a billing run (`claimant`, e.g. `billing:run host:pid`)
   * before it is charged: of two runs, one gets true. A due installment starts a new
   * attempt; one left `processing` by a run that died is taken over once its claim is
   * older than `timeoutMinutes`, keeping its attempt (and so its idempotency key).
   */
  async claim(claimant: string, options: ChangeOptions & { timeoutMinutes?: number } = {}) {
    const run = async (trx: TransactionClientContract) => (await PlanInstallment.claimMany([this], claimant, { ...options, client: trx })).length === 1
    return options.client ? run(options.client) : db.transaction(run)
  }

  /**
   * `claim` for many installments in a few statements (a billing run's batch): the due ones
   * start a new attempt (the attempt count read is checked row by row), expired claims are
   * taken over with theirs. Returns those claimed, holding their new attempt.
   */
  static async claimMany(installments: PlanInstallment[], claimant: string, options: ChangeOptions & { client: TransactionClientContract; timeoutMinutes?: number }) {
    const { timeoutMinutes = CLAIM_TIMEOUT_MINUTES, ...change } = options
    const now = change.now ?? DateTime.now()
    const claimed = { claimedAt: now, claimedBy: claimant }
    const expired = installments.filter((installment) => installment.status === 'processing')
    const deadRun = new Map(expired.map((installment) => [installment.id, installment.claimedBy]))
    const due = installments.filter((installment) => installment.status !== 'processing')
    const started = await transitionMany(due, installmentStates, 'processing', {
      ...change,
      now,
      from: ['scheduled', 'failed'],
      set: claimed,
      expressions: { attempts: 'attempts + 1' },
      where: stillHolds('attempts', new Map(due.map((installment) => [installment.id, installment.attempts]))),
    })
    const takenOver = await transitionMany(expired, installmentStates, 'processing', {
      ...change,
      now,
      from: ['processing'],
      noteOf: (installment) => change.note ?? `claim of ${deadRun.get(installment.id) ?? 'an unknown run'} expired`,
      set: claimed,
      where: (query) => query.where('claimed_at', '<', staleBefore(now, timeoutMinutes)),
    })
    return [...started, ...takenOver]
  }

  markPaid(payment: Payment, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, installmentStates, 'paid', { ...options, now, set: { ...paidChanges(now), paymentId: payment.id } })
  }

  /** `markPaid` for many installments in one statement, each by its payment. Returns those that moved. */
  static markManyPaid(installments: PlanInstallment[], paymentOf: (installment: PlanInstallment) => Payment, options: ChangeOptions & { client: TransactionClientContract }) {
    const now = options.now ?? DateTime.now()
    return transitionMany(installments, installmentStates, 'paid', { ...options, now, set: paidChanges(now), each: (installment) => ({ paymentId: paymentOf(installment).id }) })
  }

  /** `nextAttemptAt` null means no more retries. */
  markFailed(reason: string, nextAttemptAt: DateTime | null, options: ChangeOptions & { code?: string | null } = {}) {
    const { code = null, ...change } = options
    return transition(this, installmentStates, 'failed', {
      ...change,
      note: change.note ?? reason,
      set: { failureReason: reason, failureCode: code, nextAttemptAt, ...UNCLAIMED },
    })
  }
}

function paidChanges(now: DateTime) {
  return { paidAt: now, nextAttemptAt: null, failureReason: null, failureCode: null, ...UNCLAIMED }
}

function dueConditions(query: ChainableContract, now: DateTime) {
  query.where((scheduled) => scheduled.where('status', 'scheduled').where('due_on', '<=', now.toISODate()!))
  query.orWhere((retry) => retry.where('status', 'failed').where('next_attempt_at', '<=', sqlTime(now)))
}

function staleBefore(now: DateTime, timeoutMinutes: number) {
  return sqlTime(now.minus({ minutes: timeoutMinutes }))
}
