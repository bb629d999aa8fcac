import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import PaymentPlan, { MAX_PLAN_FAILURES } from '#models/payment_plan'
import { PaymentPlanFactory } from '#database/factories/payment_plan_factory'
import { InvoiceFactory } from '#database/factories/invoice_factory'
import { PaymentFactory } from '#database/factories/payment_factory'
import StatusChange from '#models/status_change'
import { assertViolates } from '#tests/support/violations'

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
    const plan = await PaymentPlanFactory.merge({ invoiceId: invoice.id, userId: invoice.userId! }).create()
    const reloaded = await PaymentPlan.query().where('id', plan.id).preload('invoice').firstOrFail()
    assert.isNull(reloaded.photoSessionId)
    assert.equal(reloaded.invoice.id, invoice.id)
  })

  test('a plan must pay for a session or an invoice', async () => {
    const plan = await PaymentPlanFactory.create()
    await assertViolates(
      () => PaymentPlan.create({ userId: plan.userId, planType: '2_pay', totalAmount: 1000, paymentsTotal: 2, status: 'active' }),
      'check'
    )
  })

  test('plan type, status and payment counts are checked by the database', async () => {
    await assertViolates(() => PaymentPlanFactory.merge({ planType: '5_pay' as any }).create(), 'check')
    await assertViolates(() => PaymentPlanFactory.merge({ status: 'paused' as any }).create(), 'check')
    await assertViolates(() => PaymentPlanFactory.merge({ paymentsTotal: 5 }).create(), 'check')
    await assertViolates(() => PaymentPlanFactory.merge({ paymentsTotal: 2, paymentsCompleted: 3 }).create(), 'check')
    await assertViolates(() => PaymentPlanFactory.merge({ totalAmount: 0 }).create(), 'check')
  })

  test('a session paid by a plan cannot be deleted', async () => {
    const plan = await PaymentPlanFactory.create()
    await assertViolates(
      () => db.from('photo_sessions').where('id', plan.photoSessionId!).delete(),
      'foreign_key'
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

    assert.isTrue(await second.markPaid(payment))
    assert.isTrue(await plan.recordInstallmentPaid())
    const afterSecond = await PaymentPlan.findOrFail(plan.id)
    assert.equal(afterSecond.paymentsCompleted, 2)
    assert.equal(afterSecond.nextChargeOn!.toISODate(), third.dueOn.toISODate())
    assert.equal(afterSecond.status, 'active')

    assert.isTrue(await third.markPaid(payment))
    assert.isTrue(await plan.recordInstallmentPaid())
    const reloaded = await PaymentPlan.findOrFail(plan.id)
    assert.equal(reloaded.status, 'completed')
    assert.isNull(reloaded.nextChargeOn)
    const history = await StatusChange.of('PaymentPlan', plan.id)
    assert.deepEqual(history.map((c) => [c.fromStatus, c.toStatus]), [['active', 'active'], ['active', 'completed']])
  })

  test('one paid installment recorded from two copies of the plan counts once', async ({ assert }) => {
    const plan = await PaymentPlanFactory.create()
    const stale = await PaymentPlan.findOrFail(plan.id)
    assert.isTrue(await plan.recordInstallmentPaid())
    assert.isFalse(await stale.recordInstallmentPaid())
    assert.equal((await PaymentPlan.findOrFail(plan.id)).paymentsCompleted, 2)
  })

  test('a failed charge makes the plan past due; a payment brings it back', async ({ assert }) => {
    const plan = await PaymentPlanFactory.create()
    assert.isTrue(await plan.recordChargeFailure())
    const pastDue = await PaymentPlan.findOrFail(plan.id)
    assert.equal(pastDue.status, 'past_due')
    assert.equal(pastDue.failureCount, 1)
    assert.isTrue(await plan.recordInstallmentPaid())
    const reloaded = await PaymentPlan.findOrFail(plan.id)
    assert.equal(reloaded.status, 'active')
    assert.equal(reloaded.failureCount, 0)
  })

  test(`the plan fails after ${MAX_PLAN_FAILURES} charges in a row fail`, async ({ assert }) => {
    const plan = await PaymentPlanFactory.create()
    for (let i = 0; i < MAX_PLAN_FAILURES; i++) assert.isTrue(await plan.recordChargeFailure())
    const reloaded = await PaymentPlan.findOrFail(plan.id)
    assert.equal(reloaded.status, 'failed')
    assert.equal(reloaded.failureCount, MAX_PLAN_FAILURES)
    const history = await StatusChange.of('PaymentPlan', plan.id)
    assert.deepEqual(history.map((c) => c.toStatus), [...Array(MAX_PLAN_FAILURES - 1).fill('past_due'), 'failed'])
  })

  test('a failed plan can be reactivated or cancelled', async ({ assert }) => {
    const failed = await PaymentPlanFactory.apply('failed').create()
    assert.isTrue(await failed.reactivate())
    const reactivated = await PaymentPlan.findOrFail(failed.id)
    assert.equal(reactivated.status, 'active')
    assert.equal(reactivated.failureCount, 0)
    const other = await PaymentPlanFactory.apply('failed').create()
    assert.isTrue(await other.cancel())
    const cancelled = await PaymentPlan.findOrFail(other.id)
    assert.equal(cancelled.status, 'cancelled')
    assert.isNotNull(cancelled.cancelledAt)
  })

  test('refused plan transitions return false and change nothing', async ({ assert }) => {
    const completed = await PaymentPlanFactory.apply('completed').create()
    const cancelled = await PaymentPlanFactory.apply('cancelled').create()
    const active = await PaymentPlanFactory.create()
    const pastDue = await PaymentPlanFactory.apply('past_due').create()
    assert.isFalse(await completed.markPastDue())
    assert.isFalse(await completed.recordChargeFailure())
    assert.isFalse(await cancelled.recordInstallmentPaid())
    assert.isFalse(await cancelled.reactivate())
    assert.isFalse(await active.markFailed())
    assert.isFalse(await active.reactivate())
    assert.isFalse(await pastDue.markPastDue())
    assert.equal((await PaymentPlan.findOrFail(completed.id)).failureCount, 0)
    assert.equal((await PaymentPlan.findOrFail(cancelled.id)).paymentsCompleted, 1)
    assert.equal((await PaymentPlan.findOrFail(active.id)).status, 'active')
    assert.equal((await PaymentPlan.findOrFail(pastDue.id)).failureCount, pastDue.failureCount)
    assert.lengthOf(await StatusChange.query().where('subject_type', 'PaymentPlan'), 0)
  })
})
