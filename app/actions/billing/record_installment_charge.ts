import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Payment from '#models/payment'
import PaymentPlan from '#models/payment_plan'
import PlanInstallment from '#models/plan_installment'
import { applyPaymentToSession } from '#actions/payments/apply_payment_to_session'
import ApplyPaymentToInvoice from '#actions/invoices/apply_payment_to_invoice'
import { dispatch } from '#services/jobs/dispatch'
import type { Actor } from '#support/actor'

/** After the first, second and third failed charge in a row, the next try is this many days later. */
export const RETRY_DAYS = [1, 3, 5]

export interface ChargeOutcome {
  providerPaymentId: string | null
  providerChargeId?: string | null
}

async function lockedPlan(trx: TransactionClientContract, id: string) {
  const query = PaymentPlan.query({ client: trx }).where('id', id)
  if (trx.dialect.name === 'postgres') query.forUpdate()
  return query.firstOrFail()
}

/**
 * An installment's charge went through: its payment succeeds, the installment is paid,
 * the plan counts it (completed after the last), the session's balance drops and the
 * plan's invoice counts it (drafted on the first instalment) and its receipt email is queued, all in
 * one transaction whose first statement is the payment's compare-and-set. So whoever
 * records it first (the billing run, or the provider's webhook when the run died after
 * charging) records it once; the others get false.
 */
export async function recordInstallmentPaid(paymentOrId: Payment | string, outcome: ChargeOutcome, actor: Actor, now: DateTime = DateTime.now()) {
  // Read before the transaction: on SQLite a transaction that reads before its first write
  // can't take the write lock once another process wrote (SQLITE_BUSY), so it starts by writing.
  // A billing run passes the payment it read after its claim (its status is compare-and-set below).
  const payment = typeof paymentOrId === 'string' ? await Payment.findOrFail(paymentOrId) : paymentOrId
  return db.transaction(async (trx) => {
    const details = { providerPaymentId: outcome.providerPaymentId, providerChargeId: outcome.providerChargeId ?? null }
    if (!(await payment.markSucceeded(details, { actor, client: trx, now, note: 'Installment charged' }))) return null
    const installment = await PlanInstallment.query({ client: trx }).where('id', payment.planInstallmentId!).firstOrFail()
    if (!(await installment.markPaid(payment, { actor, client: trx, now }))) {
      throw new Error(`Installment ${installment.id} was paid already: payment ${payment.id} needs a refund`)
    }
    const plan = await lockedPlan(trx, installment.paymentPlanId)
    if (!(await plan.recordInstallmentPaid({ actor, client: trx, now }))) {
      throw new Error(`Plan ${plan.id} changed while installment ${installment.id} was recorded`)
    }
    await applyPaymentToSession(payment, actor, trx)
    const invoice = await ApplyPaymentToInvoice.handle(payment, { actor, client: trx, numberLast: true })
    // Rendered and sent by a job: a billing run's transaction stays one insert heavier, no more.
    await dispatch('billing.installment_receipt_mail', { paymentId: payment.id }, { client: trx })
    // Last: concurrent charges queue on the invoice counter's row lock for a commit only.
    await invoice?.takeNumber(trx)
    return { payment, installment, plan }
  })
}

/**
 * An installment's charge was declined: the payment fails with the provider's code and
 * reason, the installment waits for its retry (1, 3, 5 days), and the plan counts the
 * failure; at the studio's maximum (3 by default) the plan fails, no retry is set, and
 * the session is flagged on the calendar.
 */
export async function recordInstallmentFailed(
  paymentOrId: Payment | string,
  failure: { code: string; reason: string; providerPaymentId: string | null },
  maxFailures: number,
  actor: Actor,
  now: DateTime = DateTime.now()
) {
  const payment = typeof paymentOrId === 'string' ? await Payment.findOrFail(paymentOrId) : paymentOrId
  return db.transaction(async (trx) => {
    if (failure.providerPaymentId) payment.providerPaymentId = failure.providerPaymentId
    const set = failure.providerPaymentId ? { providerPaymentId: failure.providerPaymentId } : {}
    const failed = await payment.markFailed(failure.code, failure.reason, { actor, client: trx, now })
    if (!failed) return null
    if (set.providerPaymentId) await trx.from('payments').where('id', payment.id).update({ provider_payment_id: set.providerPaymentId })
    const installment = await PlanInstallment.query({ client: trx }).where('id', payment.planInstallmentId!).firstOrFail()
    const plan = await lockedPlan(trx, installment.paymentPlanId)
    const failures = plan.failureCount + 1
    const planFails = failures >= maxFailures
    const retryAt = planFails ? null : now.plus({ days: RETRY_DAYS[Math.min(failures, RETRY_DAYS.length) - 1] })
    if (!(await installment.markFailed(failure.reason, retryAt, { actor, client: trx, now, code: failure.code }))) {
      throw new Error(`Installment ${installment.id} moved while its failure was recorded`)
    }
    const moved = planFails
      ? await plan.recordChargeFailure(1, { actor, client: trx, now, note: `${failures} failed charges in a row` })
      : await plan.recordChargeFailure(maxFailures, { actor, client: trx, now, note: failure.reason })
    if (!moved) throw new Error(`Plan ${plan.id} changed while a failed charge was recorded`)
    if (plan.status === 'failed' && plan.photoSessionId) {
      await trx.from('photo_sessions').where('id', plan.photoSessionId).update({ payment_flagged_at: now.toFormat(trx.dialect.dateTimeFormat) })
    }
    return { payment, installment, plan, retryAt }
  })
}
