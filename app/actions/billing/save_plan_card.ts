import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import PaymentPlan from '#models/payment_plan'
import { sqlTime } from '#support/db/sql_time'
import type { Actor } from '#support/actor'

/**
 * The family saved a new card for a plan (Checkout in setup mode): later charges use it,
 * a past-due or failed plan runs again, and its failed installment is tried at the next
 * billing run instead of waiting for its retry date.
 */
export default class SavePlanCard {
  static async handle(actor: Actor, planId: string, card: { customerId: string; paymentMethodId: string }) {
    const plan = await PaymentPlan.find(planId)
    if (!plan) return false
    await db.transaction(async (trx) => {
      await trx.from('payment_plans').where('id', plan.id).update({ stripe_customer_id: card.customerId, stripe_payment_method_id: card.paymentMethodId })
      if (plan.status === 'past_due' || plan.status === 'failed') {
        await plan.reactivate({ actor, client: trx, note: 'New card saved' })
        await trx.from('plan_installments').where('payment_plan_id', plan.id).where('status', 'failed').update({ next_attempt_at: sqlTime(DateTime.now()) })
        if (plan.photoSessionId) await trx.from('photo_sessions').where('id', plan.photoSessionId).update({ payment_flagged_at: null })
      }
    })
    return true
  }
}
