import { DateTime } from 'luxon'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AppModel from '#models/app_model'
import PaymentPlan from '#models/payment_plan'
import Payment from '#models/payment'
import { assertTransition } from '#models/concerns/state_machine'

export const INSTALLMENT_STATUSES = ['scheduled', 'processing', 'paid', 'failed'] as const
export type InstallmentStatus = (typeof INSTALLMENT_STATUSES)[number]

/** processing is the claim a billing run takes, so each charge is attempted exactly once. */
const TRANSITIONS: Record<InstallmentStatus, readonly InstallmentStatus[]> = {
  scheduled: ['processing', 'paid', 'failed'],
  processing: ['paid', 'failed'],
  failed: ['processing', 'paid'],
  paid: [],
}

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

  @column()
  declare attempts: number

  @column.dateTime()
  declare nextAttemptAt: DateTime | null

  @column()
  declare failureReason: string | null

  @column.dateTime()
  declare paidAt: DateTime | null

  /** The payment that settled it (no FK: payments.plan_installment_id holds that side). */
  @column()
  declare paymentId: string | null

  @belongsTo(() => PaymentPlan)
  declare paymentPlan: BelongsTo<typeof PaymentPlan>

  @belongsTo(() => Payment)
  declare payment: BelongsTo<typeof Payment>

  /** Ready to charge: scheduled and due, or failed and its retry time has come. */
  static due = scope((query, now: DateTime = DateTime.now()) => {
    const at = now.toLocal().toFormat(query.client.dialect.dateTimeFormat)
    query.where((q) => {
      q.where((scheduled) => scheduled.where('status', 'scheduled').where('due_on', '<=', now.toISODate()!))
      q.orWhere((retry) => retry.where('status', 'failed').where('next_attempt_at', '<=', at))
    })
  })

  async markProcessing(trx?: TransactionClientContract) {
    await this.transitionTo('processing', trx)
  }

  async markPaid(payment: Payment, trx?: TransactionClientContract) {
    await this.transitionTo('paid', trx, () => {
      this.attempts += 1
      this.paymentId = payment.id
      this.paidAt = DateTime.now()
      this.nextAttemptAt = null
      this.failureReason = null
    })
  }

  /** `nextAttemptAt` null means no more retries. */
  async markFailed(reason: string, nextAttemptAt: DateTime | null, trx?: TransactionClientContract) {
    await this.transitionTo('failed', trx, () => {
      this.attempts += 1
      this.failureReason = reason
      this.nextAttemptAt = nextAttemptAt
    })
  }

  private async transitionTo(to: InstallmentStatus, trx?: TransactionClientContract, apply?: () => void) {
    assertTransition('Installment', this.status, to, TRANSITIONS)
    this.status = to
    apply?.()
    if (trx) this.useTransaction(trx)
    await this.save()
  }
}
