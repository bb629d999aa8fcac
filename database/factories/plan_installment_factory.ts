import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import PlanInstallment from '#models/plan_installment'
import { PaymentPlanFactory } from '#database/factories/payment_plan_factory'
import { ensureParent } from '#database/factories/support/parent'

/**
 * A scheduled charge a month ahead; its sequence follows the plan's last one, so it has
 * no `paymentPlan` relation to `.with()`: pass `paymentPlanId` or let it make a plan.
 */
export const PlanInstallmentFactory = factory
  .define(PlanInstallment, ({ faker }) => ({
    dueOn: DateTime.now().plus({ months: 1 }).startOf('day'),
    amount: faker.number.int({ min: 5, max: 40 }) * 1000,
    status: 'scheduled' as const,
    attempts: 0,
  }))
  .before('create', async (builder, row, ctx) => {
    row.paymentPlanId = (await ensureParent(builder, 'paymentPlan', row.paymentPlanId, () =>
      PaymentPlanFactory.query().useCtx(ctx).create()
    ))!
    if (row.sequence !== undefined && row.sequence !== null) return
    const last = await PlanInstallment.query({ client: ctx.$trx })
      .where('payment_plan_id', row.paymentPlanId)
      .max('sequence as last')
      .firstOrFail()
    row.sequence = Number(last.$extras.last ?? 0) + 1
  })
  .state('dueToday', (row) => (row.dueOn = DateTime.now().startOf('day')))
  /** Claimed a minute ago by a billing run that is charging it now. */
  .state('processing', (row) => {
    row.status = 'processing'
    row.attempts = 1
    row.dueOn = DateTime.now().startOf('day')
    row.claimedAt = DateTime.now().minus({ minutes: 1 })
    row.claimedBy = 'billing:run test-host:4242'
  })
  /** Claimed an hour ago by a billing run that died before recording the charge. */
  .state('abandoned', (row) => {
    row.status = 'processing'
    row.attempts = 1
    row.dueOn = DateTime.now().startOf('day')
    row.claimedAt = DateTime.now().minus({ hours: 1 })
    row.claimedBy = 'billing:run dead-host:666'
  })
  .state('paid', (row) => {
    row.status = 'paid'
    row.attempts = 1
    row.dueOn = DateTime.now().minus({ months: 1 }).startOf('day')
    row.paidAt = row.dueOn
  })
  .state('failed', (row) => {
    row.status = 'failed'
    row.attempts = 1
    row.dueOn = DateTime.now().minus({ days: 2 }).startOf('day')
    row.failureReason = 'Your card was declined.'
    row.nextAttemptAt = DateTime.now().plus({ days: 1 })
  })
  .state('retryDue', (row) => {
    row.status = 'failed'
    row.attempts = 1
    row.dueOn = DateTime.now().minus({ days: 3 }).startOf('day')
    row.failureReason = 'Your card was declined.'
    row.nextAttemptAt = DateTime.now().minus({ hours: 1 })
  })
  .build()
