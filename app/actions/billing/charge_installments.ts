import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Payment from '#models/payment'
import PaymentPlan from '#models/payment_plan'
import PlanInstallment from '#models/plan_installment'
import type { SavedCardResult, PaymentGateway } from '#services/payments/payment_gateway'
import { recordInstallmentFailed, recordInstallmentsPaid } from '#actions/billing/record_installment_charge'
import { sqlTime } from '#support/db/sql_time'
import type { Actor } from '#support/actor'

export type ChargeResult =
  | { outcome: 'paid'; amount: number; planCompleted: boolean }
  | { outcome: 'failed'; amount: number; planFailed: boolean; plan: PaymentPlan; installment: PlanInstallment; payment: Payment; retryAt: DateTime | null }
  /** Another run holds it, or its plan stopped: nothing done. */
  | { outcome: 'skipped' }
  /** The provider's answer never came: the claim stays, and a later run asks again with the same key. */
  | { outcome: 'unknown'; error: string }

export interface ChargeInput {
  claimant: string
  gateway: PaymentGateway
  actor: Actor
  now: DateTime
  maxFailures: number
  /** Charges in flight at once. */
  concurrency: number
}

interface Claimed {
  installment: PlanInstallment
  plan: PaymentPlan
  payment: Payment
}

/**
 * Charges a batch of due installments (at most one of each plan) exactly once each:
 * claims them (compare-and-set, so of two runs one charges each) and writes each
 * attempt's pending payment under the attempt's idempotency key in the same commit (a
 * run taking over a dead run's claim finds the same row and sends the same key, so the
 * provider answers the charge already made instead of making another), charges the saved
 * cards off-session a few at a time, then records the charges that went through together
 * and the declines one by one. Results in the installments' order.
 */
export default class ChargeInstallments {
  static async handle(installments: PlanInstallment[], input: ChargeInput): Promise<ChargeResult[]> {
    const { actor, now } = input
    const plans = new Map((await PaymentPlan.query().whereIn('id', [...new Set(installments.map((row) => row.paymentPlanId))])).map((plan) => [plan.id, plan]))
    const chargeable = installments.filter((row) => ['active', 'past_due'].includes(plans.get(row.paymentPlanId)?.status ?? ''))
    const claimedRows = await db.transaction(async (trx) => {
      const rows = await PlanInstallment.claimMany(chargeable, input.claimant, { actor, now, client: trx })
      await attemptPayments(rows, plans, input.gateway, now, trx)
      return rows
    })
    const payments = new Map(
      (await Payment.query().whereIn('idempotency_key', claimedRows.map((row) => row.idempotencyKey()))).map((payment) => [payment.planInstallmentId!, payment])
    )
    const claimed: Claimed[] = claimedRows.map((installment) => ({ installment, plan: plans.get(installment.paymentPlanId)!, payment: payments.get(installment.id)! }))

    const results = new Map<string, ChargeResult>()
    const answers = await inParallel(claimed, input.concurrency, (charge) => ask(charge, input.gateway))
    const paid = claimed.map((charge, n) => ({ ...charge, answer: answers[n] })).filter((charge) => charge.answer.status === 'succeeded')
    const recorded = await recordInstallmentsPaid(
      paid.map((charge) => ({ payment: charge.payment, outcome: charge.answer as Extract<SavedCardResult, { status: 'succeeded' }> })),
      actor,
      now
    )
    paid.forEach((charge, n) => {
      const record = recorded[n]
      // null: the provider's webhook recorded this very charge first.
      results.set(
        charge.installment.id,
        record instanceof Error ? { outcome: 'unknown', error: record.message } : { outcome: 'paid', amount: charge.installment.amount, planCompleted: record?.plan.status === 'completed' }
      )
    })
    for (const [n, charge] of claimed.entries()) {
      const answer = answers[n]
      if (answer.status === 'unknown') results.set(charge.installment.id, { outcome: 'unknown', error: answer.error })
      if (answer.status !== 'failed') continue
      const failed = await recordInstallmentFailed(
        charge.payment,
        { code: answer.failureCode, reason: answer.failureReason, providerPaymentId: answer.providerPaymentId },
        input.maxFailures,
        actor,
        now
      ).catch((error: Error) => error)
      if (failed instanceof Error) results.set(charge.installment.id, { outcome: 'unknown', error: failed.message })
      else if (failed) results.set(charge.installment.id, { outcome: 'failed', amount: charge.installment.amount, planFailed: failed.plan.status === 'failed', ...failed })
    }
    return installments.map((row) => results.get(row.id) ?? { outcome: 'skipped' })
  }
}

type Answer = SavedCardResult | { status: 'unknown'; error: string }

async function ask({ installment, plan, payment }: Claimed, gateway: PaymentGateway): Promise<Answer> {
  if (!gateway.chargeSavedCard) {
    // PayPal Orders (and the desk) cannot charge a card with the customer away.
    return { status: 'failed', failureCode: 'gateway_cannot_charge_saved_card', failureReason: `The ${gateway.provider} gateway cannot charge a saved card; plan installments need Stripe`, providerPaymentId: null }
  }
  if (!plan.stripeCustomerId || !plan.stripePaymentMethodId) {
    return { status: 'failed', failureCode: 'no_saved_card', failureReason: 'No card is saved for this plan', providerPaymentId: null }
  }
  try {
    return await gateway.chargeSavedCard({
      customerId: plan.stripeCustomerId,
      paymentMethodId: plan.stripePaymentMethodId,
      amountCents: installment.amount,
      currency: plan.currency,
      description: `Installment ${installment.sequence} of ${plan.paymentsTotal}`,
      idempotencyKey: payment.idempotencyKey,
      metadata: { payment_id: payment.id, plan_installment_id: installment.id, attempt: String(installment.attempts) },
    })
  } catch (error) {
    return { status: 'unknown', error: error instanceof Error ? error.message : String(error) }
  }
}

async function inParallel<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    for (let n = next++; n < items.length; n = next++) results[n] = await work(items[n])
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker))
  return results
}

/** Each attempt's pending payment, written once per idempotency key (a claim taken over finds its own). */
async function attemptPayments(installments: PlanInstallment[], plans: Map<string, PaymentPlan>, gateway: PaymentGateway, now: DateTime, trx: TransactionClientContract) {
  if (!installments.length) return
  const at = sqlTime(now)
  const rows = installments.map((installment) => {
    const plan = plans.get(installment.paymentPlanId)!
    return {
      id: randomUUID(),
      user_id: plan.userId,
      photo_session_id: plan.photoSessionId,
      payment_plan_id: plan.id,
      plan_installment_id: installment.id,
      amount: installment.amount,
      currency: plan.currency,
      payment_type: 'plan_payment',
      method: 'card',
      provider: gateway.provider === 'offline' ? 'stripe' : gateway.provider,
      idempotency_key: installment.idempotencyKey(),
      status: 'pending',
      refund_amount: 0,
      created_at: at,
      updated_at: at,
    }
  })
  await trx.knexQuery().table('payments').insert(rows).onConflict('idempotency_key').ignore()
}
