import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Payment from '#models/payment'
import PaymentPlan from '#models/payment_plan'
import type PlanInstallment from '#models/plan_installment'
import type { PaymentGateway } from '#services/payments/payment_gateway'
import { recordInstallmentFailed, recordInstallmentPaid } from '#actions/billing/record_installment_charge'
import { sqlTime } from '#support/db/sql_time'
import type { Actor } from '#support/actor'

export type ChargeResult =
  | { outcome: 'paid'; amount: number; planCompleted: boolean }
  | { outcome: 'failed'; amount: number; planFailed: boolean; plan: PaymentPlan; installment: PlanInstallment; payment: Payment; retryAt: DateTime | null }
  /** Another run holds it, or its plan stopped: nothing done. */
  | { outcome: 'skipped' }
  /** The provider's answer never came: the claim stays, and a later run asks again with the same key. */
  | { outcome: 'unknown'; error: string }

/**
 * Charges one due installment exactly once: claims it (compare-and-set, so of two runs
 * one charges), writes the attempt's pending payment under the attempt's idempotency key
 * (a run taking over a dead run's claim finds the same row and sends the same key, so the
 * provider answers the charge already made instead of making another), charges the saved
 * card off-session, and records the answer in one transaction.
 */
export default class ChargeInstallment {
  static async handle(installment: PlanInstallment, input: { claimant: string; gateway: PaymentGateway; actor: Actor; now: DateTime; maxFailures: number }): Promise<ChargeResult> {
    const { now, actor } = input
    const plan = await PaymentPlan.findOrFail(installment.paymentPlanId)
    if (!['active', 'past_due'].includes(plan.status)) return { outcome: 'skipped' }
    // The claim and the attempt's pending payment commit together (one commit, not two).
    const claimed = await db.transaction(async (trx) => {
      if (!(await installment.claim(input.claimant, { actor, now, client: trx }))) return false
      await attemptPayment(installment, plan, input.gateway, now, trx)
      return true
    })
    if (!claimed) return { outcome: 'skipped' }
    const payment = await Payment.findByOrFail('idempotencyKey', installment.idempotencyKey())

    let result
    if (!input.gateway.chargeSavedCard) {
      // PayPal Orders (and the desk) cannot charge a card with the customer away.
      result = { status: 'failed' as const, failureCode: 'gateway_cannot_charge_saved_card', failureReason: `The ${input.gateway.provider} gateway cannot charge a saved card; plan installments need Stripe`, providerPaymentId: null }
    } else if (!plan.stripeCustomerId || !plan.stripePaymentMethodId) {
      result = { status: 'failed' as const, failureCode: 'no_saved_card', failureReason: 'No card is saved for this plan', providerPaymentId: null }
    } else {
      try {
        result = await input.gateway.chargeSavedCard({
          customerId: plan.stripeCustomerId,
          paymentMethodId: plan.stripePaymentMethodId,
          amountCents: installment.amount,
          currency: plan.currency,
          description: `Installment ${installment.sequence} of ${plan.paymentsTotal}`,
          idempotencyKey: payment.idempotencyKey,
          metadata: { payment_id: payment.id, plan_installment_id: installment.id, attempt: String(installment.attempts) },
        })
      } catch (error) {
        return { outcome: 'unknown', error: error instanceof Error ? error.message : String(error) }
      }
    }

    if (result.status === 'succeeded') {
      const paid = await recordInstallmentPaid(payment, result, actor, now)
      // null: the provider's webhook recorded this very charge first.
      return { outcome: 'paid', amount: installment.amount, planCompleted: paid?.plan.status === 'completed' }
    }
    const failed = await recordInstallmentFailed(
      payment,
      { code: result.failureCode, reason: result.failureReason, providerPaymentId: result.providerPaymentId },
      input.maxFailures,
      actor,
      now
    )
    if (!failed) return { outcome: 'skipped' }
    return { outcome: 'failed', amount: installment.amount, planFailed: failed.plan.status === 'failed', ...failed }
  }
}

/** The pending payment of this attempt, written once per idempotency key (a claim taken over finds it). */
async function attemptPayment(installment: PlanInstallment, plan: PaymentPlan, gateway: PaymentGateway, now: DateTime, trx: TransactionClientContract) {
  const key = installment.idempotencyKey()
  const at = sqlTime(now)
  const planSession = plan.photoSessionId
  await trx
    .knexQuery()
    .table('payments')
    .insert({
      id: randomUUID(),
      user_id: plan.userId,
      photo_session_id: planSession,
      payment_plan_id: plan.id,
      plan_installment_id: installment.id,
      amount: installment.amount,
      currency: plan.currency,
      payment_type: 'plan_payment',
      method: 'card',
      provider: gateway.provider === 'offline' ? 'stripe' : gateway.provider,
      idempotency_key: key,
      status: 'pending',
      refund_amount: 0,
      created_at: at,
      updated_at: at,
    })
    .onConflict('idempotency_key')
    .ignore()
}
