import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Payment from '#models/payment'
import PaymentPlan from '#models/payment_plan'
import PlanInstallment from '#models/plan_installment'
import Invoice from '#models/invoice'
import { applyPaymentToSession, recountSessionBalances } from '#actions/payments/apply_payment_to_session'
import ApplyPaymentToInvoice from '#actions/invoices/apply_payment_to_invoice'
import { dispatchMany } from '#services/jobs/dispatch'
import type { Actor } from '#support/actor'

/** After the first, second and third failed charge in a row, the next try is this many days later. */
export const RETRY_DAYS = [1, 3, 5]

export interface ChargeOutcome {
  providerPaymentId: string | null
  providerChargeId?: string | null
}

async function lockedPlan(trx: TransactionClientContract, id: string) {
  const [plan] = await lockedPlans(trx, [id])
  if (!plan) throw new Error(`Plan ${id} is gone`)
  return plan
}

async function lockedPlans(trx: TransactionClientContract, ids: string[]) {
  const query = PaymentPlan.query({ client: trx }).whereIn('id', ids)
  if (trx.dialect.name === 'postgres') query.forUpdate()
  return query
}

export interface InstallmentCharged {
  payment: Payment
  outcome: ChargeOutcome
}

export interface InstallmentRecorded {
  payment: Payment
  installment: PlanInstallment
  plan: PaymentPlan
}

/**
 * An installment's charge went through: its payment succeeds, the installment is paid,
 * the plan counts it (completed after the last), the session's balance drops and the
 * plan's invoice counts it (drafted on the first instalment) and its receipt email is
 * queued, all in one transaction whose first statement is the payment's compare-and-set.
 * So whoever records it first (the billing run, or the provider's webhook when the run
 * died after charging) records it once; the others get null.
 */
export async function recordInstallmentPaid(paymentOrId: Payment | string, outcome: ChargeOutcome, actor: Actor, now: DateTime = DateTime.now()) {
  // Read before the transaction: on SQLite a transaction that reads before its first write
  // can't take the write lock once another process wrote (SQLITE_BUSY), so it starts by writing.
  // A billing run passes the payment it read after its claim (its status is compare-and-set below).
  const payment = typeof paymentOrId === 'string' ? await Payment.findOrFail(paymentOrId) : paymentOrId
  return db.transaction((trx) => recordPaid([{ payment, outcome }], actor, now, trx)).then(([recorded]) => recorded)
}

/**
 * `recordInstallmentPaid` for a billing run's batch: the same steps, each one statement for
 * the whole batch, in one transaction. If anything in it is not as read (two charges of
 * one plan, a plan changed meanwhile), the batch rolls back and each charge is recorded
 * on its own, where such a problem is that charge's error only. Results in the charges' order.
 */
export async function recordInstallmentsPaid(charges: InstallmentCharged[], actor: Actor, now: DateTime = DateTime.now()): Promise<Array<InstallmentRecorded | null | Error>> {
  if (charges.length > 1) {
    try {
      return await db.transaction((trx) => recordPaid(charges, actor, now, trx))
    } catch {
      // Recorded one by one below, from the payments as they are now.
    }
  }
  const results: Array<InstallmentRecorded | null | Error> = []
  for (const charge of charges) {
    try {
      const payment = charges.length > 1 ? await Payment.findOrFail(charge.payment.id) : charge.payment
      results.push(await recordInstallmentPaid(payment, charge.outcome, actor, now))
    } catch (error) {
      results.push(error instanceof Error ? error : new Error(String(error)))
    }
  }
  return results
}

async function recordPaid(charges: InstallmentCharged[], actor: Actor, now: DateTime, trx: TransactionClientContract): Promise<Array<InstallmentRecorded | null>> {
  const change = { actor, client: trx, now }
  const outcomes = new Map(charges.map((charge) => [charge.payment.id, charge.outcome]))
  if (outcomes.size !== charges.length) throw new Error('The same payment was recorded twice in one batch')
  const payments = await Payment.markManySucceeded(
    charges.map((charge) => charge.payment),
    (payment) => ({ providerPaymentId: outcomes.get(payment.id)!.providerPaymentId, providerChargeId: outcomes.get(payment.id)!.providerChargeId ?? null }),
    { ...change, note: 'Installment charged' }
  )
  const recorded = new Map<string, InstallmentRecorded>()
  if (payments.length) {
    const paymentOf = new Map(payments.map((payment) => [payment.planInstallmentId!, payment]))
    const installments = await PlanInstallment.query({ client: trx }).whereIn('id', [...paymentOf.keys()])
    const paid = new Set((await PlanInstallment.markManyPaid(installments, (installment) => paymentOf.get(installment.id)!, change)).map((row) => row.id))
    const twice = [...paymentOf.values()].find((payment) => !paid.has(payment.planInstallmentId!))
    if (twice) throw new Error(`Installment ${twice.planInstallmentId} was paid already: payment ${twice.id} needs a refund`)

    const planIds = installments.map((installment) => installment.paymentPlanId)
    if (new Set(planIds).size !== planIds.length) throw new Error('Two installments of one plan in one batch')
    const plans = await lockedPlans(trx, planIds)
    const open = await PlanInstallment.query({ client: trx }).whereIn('payment_plan_id', planIds).whereNot('status', 'paid').orderBy('sequence', 'asc')
    const next = new Map<string, DateTime>()
    for (const row of open) if (!next.has(row.paymentPlanId)) next.set(row.paymentPlanId, row.dueOn)
    const counted = await PaymentPlan.recordManyInstallmentsPaid(plans, (plan) => next.get(plan.id) ?? null, change)
    const stale = plans.find((plan) => !counted.includes(plan))
    if (stale || plans.length !== planIds.length) throw new Error(`Plan ${stale?.id ?? planIds.join(', ')} changed while its installment was recorded`)

    const planOf = new Map(plans.map((plan) => [plan.id, plan]))
    for (const installment of installments) {
      const payment = paymentOf.get(installment.id)!
      recorded.set(payment.id, { payment, installment, plan: planOf.get(installment.paymentPlanId)! })
    }
    await recountSessionBalances(payments.filter((payment) => payment.paymentType === 'plan_payment').map((payment) => payment.photoSessionId!).filter(Boolean), trx, now)
    for (const payment of payments) if (payment.paymentType !== 'plan_payment') await applyPaymentToSession(payment, actor, trx)
    const invoices = await ApplyPaymentToInvoice.many(payments, { actor, client: trx, numberLast: true })
    // Rendered and sent by a job: a billing run's transaction stays one insert heavier, no more.
    await dispatchMany('billing.installment_receipt_mail', payments.map((payment) => ({ paymentId: payment.id })), { client: trx })
    // Last: concurrent charges queue on the invoice counter's row lock for a commit only.
    await Invoice.takeNumbers(invoices, trx)
  }
  return charges.map((charge) => recorded.get(charge.payment.id) ?? null)
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
