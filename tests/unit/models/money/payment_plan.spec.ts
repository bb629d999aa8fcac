import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import PaymentPlan, { MAX_PLAN_FAILURES } from '#models/payment_plan'
import { PaymentPlanFactory } from '#database/factories/payment_plan_factory'
import { InvoiceFactory } from '#database/factories/invoice_factory'
import { PaymentFactory } from '#database/factories/payment_factory'

test.group('Payment plan', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a plan with its schedule that reloads with its relations', async ({ assert }) => {
    const plan = await PaymentPlanFactory.create()
    await PaymentFactory.merge({ paymentPlanId: plan.id, userId: plan.userId }).apply('succeeded').create()
    const reloaded = await PaymentPlan.query()
      .where('id', plan.id)
      .preload('user')
      .preload('photoSession')
      .preload('installments')
      .preload('payments')
      .firstOrFail()
    assert.equal(reloaded.user.id, plan.userId)
    assert.equal(reloaded.photoSession.userId, plan.userId)
    assert.deepEqual(
      reloaded.installments.map((i) => [i.sequence, i.status]),
      [
        [1, 'paid'],
        [2, 'scheduled'],
        [3, 'scheduled'],
      ]
    )
    assert.equal(
      reloaded.installments.reduce((sum, i) => sum + i.amount, 0),
      plan.totalAmount
    )
    assert.lengthOf(reloaded.payments, 1)
  })

  test('a past-due plan has a failed installment waiting for its retry', async ({ assert }) => {
    const plan = await PaymentPlanFactory.apply('past_due').create()
    await plan.load('installments')
    const failed = plan.installments.find((i) => i.status === 'failed')!
    assert.equal(failed.sequence, 2)
    assert.isNotNull(failed.nextAttemptAt)
  })

  test('a plan can pay an invoice instead of a session', async ({ assert }) => {
    const invoice = await InvoiceFactory.apply('open').create()
    const plan = await PaymentPlanFactory.merge({ invoiceId: invoice.id, userId: invoice.userId }).create()
    const reloaded = await PaymentPlan.query().where('id', plan.id).preload('invoice').firstOrFail()
    assert.isNull(reloaded.photoSessionId)
    assert.equal(reloaded.invoice.id, invoice.id)
  })

  test('a plan must pay for a session or an invoice', async ({ assert }) => {
    const plan = await PaymentPlanFactory.create()
    await assert.rejects(() =>
      db.transaction((trx) =>
        PaymentPlan.create(
          { userId: plan.userId, planType: '2_pay', totalAmount: 1000, paymentsTotal: 2, status: 'active' },
          { client: trx }
        )
      )
    )
  })

  test('plan type, status and payment counts are checked by the database', async ({ assert }) => {
    await assert.rejects(() => PaymentPlanFactory.merge({ planType: '5_pay' as any }).create())
    await assert.rejects(() => PaymentPlanFactory.merge({ status: 'paused' as any }).create())
    await assert.rejects(() => PaymentPlanFactory.merge({ paymentsTotal: 5 }).create())
    await assert.rejects(() => PaymentPlanFactory.merge({ paymentsTotal: 2, paymentsCompleted: 3 }).create())
    await assert.rejects(() => PaymentPlanFactory.merge({ totalAmount: 0 }).create())
  })

  test('a session paid by a plan cannot be deleted', async ({ assert }) => {
    const plan = await PaymentPlanFactory.create()
    await assert.rejects(() =>
      db.transaction((trx) => trx.from('photo_sessions').where('id', plan.photoSessionId!).delete())
    )
  })

  test('schedule splits the total into monthly charges, the remainder on the first', async ({ assert }) => {
    const first = DateTime.fromISO('2026-03-31')
    const rows = PaymentPlan.schedule(10001, '3_pay', first)
    assert.deepEqual(
      rows.map((r) => [r.sequence, r.dueOn.toISODate(), r.amount]),
      [
        [1, '2026-03-31', 3335],
        [2, '2026-04-30', 3333],
        [3, '2026-05-31', 3333],
      ]
    )
    assert.lengthOf(PaymentPlan.schedule(5000, 'full', first), 1)
    assert.lengthOf(PaymentPlan.schedule(5000, '4_pay', first), 4)
  })

  test('activeDue lists active plans whose next charge is today or earlier', async ({ assert }) => {
    const dueToday = await PaymentPlanFactory.apply('dueToday').create()
    const late = await PaymentPlanFactory.merge({ nextChargeOn: DateTime.now().minus({ days: 2 }) }).create()
    await PaymentPlanFactory.create()
    await PaymentPlanFactory.apply('past_due').create()
    await PaymentPlanFactory.apply('completed').create()
    const ids = (await PaymentPlan.query().withScopes((s) => s.activeDue())).map((p) => p.id)
    assert.sameMembers(ids, [dueToday.id, late.id])
  })

  test('paying installments moves the next charge date and completes the plan', async ({ assert }) => {
    const plan = await PaymentPlanFactory.create()
    await plan.load('installments')
    const [, second, third] = plan.installments
    const payment = await PaymentFactory.merge({ userId: plan.userId, paymentPlanId: plan.id }).apply('succeeded').create()

    await second.markPaid(payment)
    await plan.recordInstallmentPaid()
    assert.equal(plan.paymentsCompleted, 2)
    assert.equal(plan.nextChargeOn!.toISODate(), third.dueOn.toISODate())
    assert.equal(plan.status, 'active')

    await third.markPaid(payment)
    await plan.recordInstallmentPaid()
    const reloaded = await PaymentPlan.findOrFail(plan.id)
    assert.equal(reloaded.status, 'completed')
    assert.isNull(reloaded.nextChargeOn)
  })

  test('a failed charge makes the plan past due; a payment brings it back', async ({ assert }) => {
    const plan = await PaymentPlanFactory.create()
    await plan.recordChargeFailure()
    assert.equal(plan.status, 'past_due')
    assert.equal(plan.failureCount, 1)
    await plan.recordInstallmentPaid()
    assert.equal(plan.status, 'active')
    assert.equal(plan.failureCount, 0)
  })

  test(`the plan fails after ${MAX_PLAN_FAILURES} charges in a row fail`, async ({ assert }) => {
    const plan = await PaymentPlanFactory.create()
    for (let i = 0; i < MAX_PLAN_FAILURES; i++) await plan.recordChargeFailure()
    const reloaded = await PaymentPlan.findOrFail(plan.id)
    assert.equal(reloaded.status, 'failed')
    assert.equal(reloaded.failureCount, MAX_PLAN_FAILURES)
  })

  test('a failed plan can be reactivated or cancelled', async ({ assert }) => {
    const failed = await PaymentPlanFactory.apply('failed').create()
    await failed.reactivate()
    assert.equal(failed.status, 'active')
    assert.equal(failed.failureCount, 0)
    const other = await PaymentPlanFactory.apply('failed').create()
    await other.cancel()
    assert.equal(other.status, 'cancelled')
    assert.isNotNull(other.cancelledAt)
  })

  test('refused plan transitions', async ({ assert }) => {
    const completed = await PaymentPlanFactory.apply('completed').create()
    const cancelled = await PaymentPlanFactory.apply('cancelled').create()
    const active = await PaymentPlanFactory.create()
    await assert.rejects(() => completed.markPastDue(), /cannot go from completed to past_due/)
    await assert.rejects(() => completed.recordChargeFailure(), /cannot go from completed to past_due/)
    await assert.rejects(() => cancelled.recordInstallmentPaid(), /cannot go from cancelled to active/)
    await assert.rejects(() => cancelled.reactivate(), /cannot go from cancelled to active/)
    await assert.rejects(() => active.markFailed(), /cannot go from active to failed/)
    assert.equal(completed.failureCount, 0)
    assert.equal((await PaymentPlan.findOrFail(cancelled.id)).paymentsCompleted, 1)
  })
})
