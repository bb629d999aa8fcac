import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Payment from '#models/payment'
import PaymentPlan from '#models/payment_plan'
import PlanInstallment from '#models/plan_installment'
import type { Actor } from '#support/actor'

/**
 * The family paid the session's whole balance ahead of its plan ("pay the balance early",
 * at the desk or online): the instalments still open are paid by that payment and the plan
 * completes, so no billing run charges them again. An instalment a run holds right now
 * (`processing`) is left to that run. A failed plan paid this way no longer flags its
 * session. In the caller's transaction.
 */
export async function settlePlanEarly(payment: Payment, sessionId: string, actor: Actor, trx: TransactionClientContract) {
  const query = PaymentPlan.query({ client: trx }).where('photo_session_id', sessionId).whereIn('status', ['active', 'past_due', 'failed'])
  if (trx.dialect.name === 'postgres') query.forUpdate()
  const plan = await query.first()
  if (!plan) return 0
  const open = await PlanInstallment.query({ client: trx }).where('payment_plan_id', plan.id).whereIn('status', ['scheduled', 'failed']).orderBy('sequence')
  let settled = 0
  for (const installment of open) {
    if (!(await installment.markPaid(payment, { actor, client: trx, note: 'Balance paid early' }))) continue
    if (plan.status === 'failed') await plan.reactivate({ actor, client: trx, note: 'Balance paid early' })
    if (!(await plan.recordInstallmentPaid({ actor, client: trx, note: 'Balance paid early' }))) {
      throw new Error(`Plan ${plan.id} changed while its balance was paid early`)
    }
    settled++
  }
  if (settled) await trx.from('photo_sessions').where('id', sessionId).whereNotNull('payment_flagged_at').update({ payment_flagged_at: null })
  return settled
}
