import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import PaymentPlan from '#models/payment_plan'
import PlanInstallment from '#models/plan_installment'
import { UserFactory } from '#database/factories/user_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { PlanInstallmentFactory } from '#database/factories/plan_installment_factory'
import { ensureParent, willCreate } from '#database/factories/support/parent'

/**
 * A 3-pay plan for a session, one charge paid, the next due in a month. Unless built
 * `.with('installments')`, it gets its full schedule, matching its state (paid ones,
 * a failed one when past due, the rest scheduled).
 */
export const PaymentPlanFactory = factory
  .define(PaymentPlan, ({ faker }) => ({
    planType: '3_pay' as const,
    totalAmount: faker.number.int({ min: 30, max: 90 }) * 1000,
    currency: 'USD',
    paymentsTotal: 3,
    paymentsCompleted: 1,
    nextChargeOn: DateTime.now().plus({ months: 1 }).startOf('day'),
    status: 'active' as const,
    failureCount: 0,
    stripeCustomerId: `cus_${faker.string.alphanumeric(14)}`,
    stripePaymentMethodId: `pm_${faker.string.alphanumeric(14)}`,
  }))
  .before('create', async (builder, plan, ctx) => {
    plan.userId = (await ensureParent(builder, 'user', plan.userId, () => UserFactory.query().useCtx(ctx).create()))!
    if (plan.invoiceId) return
    plan.photoSessionId =
      (await ensureParent(builder, 'photoSession', plan.photoSessionId, () =>
        PhotoSessionFactory.query().useCtx(ctx).merge({ userId: plan.userId }).create()
      )) ?? null
  })
  .after('create', async (builder, plan, ctx) => {
    if (willCreate(builder, 'installments')) return
    const nextDue = plan.nextChargeOn ?? DateTime.now().startOf('day')
    const firstDue = nextDue.minus({ months: plan.paymentsCompleted })
    const schedule = PaymentPlan.schedule(plan.totalAmount, plan.planType, firstDue)
    for (const [index, row] of schedule.entries()) {
      const paid = index < plan.paymentsCompleted
      const failing = index === plan.paymentsCompleted && ['past_due', 'failed'].includes(plan.status)
      await PlanInstallment.create(
        {
          ...row,
          paymentPlanId: plan.id,
          status: paid ? 'paid' : failing ? 'failed' : 'scheduled',
          attempts: paid ? 1 : failing ? plan.failureCount : 0,
          paidAt: paid ? row.dueOn : null,
          failureReason: failing ? 'Your card was declined.' : null,
          nextAttemptAt: failing && plan.status === 'past_due' ? DateTime.now().plus({ days: 1 }) : null,
        },
        { client: ctx.$trx }
      )
    }
  })
  .state('full', (plan) => {
    plan.planType = 'full'
    plan.paymentsTotal = 1
    plan.paymentsCompleted = 0
  })
  .state('2_pay', (plan) => {
    plan.planType = '2_pay'
    plan.paymentsTotal = 2
  })
  .state('4_pay', (plan) => {
    plan.planType = '4_pay'
    plan.paymentsTotal = 4
  })
  .state('dueToday', (plan) => (plan.nextChargeOn = DateTime.now().startOf('day')))
  .state('past_due', (plan) => {
    plan.status = 'past_due'
    plan.failureCount = 1
    plan.nextChargeOn = DateTime.now().minus({ days: 3 }).startOf('day')
  })
  .state('failed', (plan) => {
    plan.status = 'failed'
    plan.failureCount = 3
    plan.nextChargeOn = DateTime.now().minus({ days: 10 }).startOf('day')
  })
  .state('completed', (plan) => {
    plan.status = 'completed'
    plan.paymentsCompleted = plan.paymentsTotal
    plan.nextChargeOn = null
  })
  .state('cancelled', (plan) => {
    plan.status = 'cancelled'
    plan.cancelledAt = DateTime.now()
  })
  .relation('user', () => UserFactory)
  .relation('photoSession', () => PhotoSessionFactory)
  .relation('installments', () => PlanInstallmentFactory)
  .build()
