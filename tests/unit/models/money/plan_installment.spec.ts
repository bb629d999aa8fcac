import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import PlanInstallment from '#models/plan_installment'
import { PlanInstallmentFactory } from '#database/factories/plan_installment_factory'
import { PaymentPlanFactory } from '#database/factories/payment_plan_factory'
import { PaymentFactory } from '#database/factories/payment_factory'

test.group('Plan installment', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates an installment that reloads with its plan and payment', async ({ assert }) => {
    const installment = await PlanInstallmentFactory.create()
    const payment = await PaymentFactory.apply('succeeded').create()
    await installment.markPaid(payment)
    const reloaded = await PlanInstallment.query()
      .where('id', installment.id)
      .preload('paymentPlan')
      .preload('payment')
      .firstOrFail()
    assert.equal(reloaded.paymentPlan.id, installment.paymentPlanId)
    assert.equal(reloaded.payment.id, payment.id)
    assert.equal(reloaded.sequence, 4)
  })

  test('a plan has one installment per sequence number', async ({ assert }) => {
    const plan = await PaymentPlanFactory.create()
    await assert.rejects(() => PlanInstallmentFactory.merge({ paymentPlanId: plan.id, sequence: 2 }).create())
  })

  test('status, sequence and amount are checked by the database', async ({ assert }) => {
    await assert.rejects(() => PlanInstallmentFactory.merge({ status: 'skipped' as any }).create())
    await assert.rejects(() => PlanInstallmentFactory.merge({ sequence: 0 }).create())
    await assert.rejects(() => PlanInstallmentFactory.merge({ amount: 0 }).create())
  })

  test('installments go with their plan', async ({ assert }) => {
    const installment = await PlanInstallmentFactory.create()
    await db.from('payment_plans').where('id', installment.paymentPlanId).delete()
    assert.isNull(await PlanInstallment.find(installment.id))
  })

  test('an installment with a payment cannot be deleted', async ({ assert }) => {
    const installment = await PlanInstallmentFactory.create()
    await PaymentFactory.merge({ planInstallmentId: installment.id }).create()
    await assert.rejects(() =>
      db.transaction((trx) => trx.from('plan_installments').where('id', installment.id).delete())
    )
  })

  test('due lists scheduled charges due by today and failed ones whose retry time has come', async ({ assert }) => {
    const plan = await PaymentPlanFactory.merge({ nextChargeOn: DateTime.now().plus({ years: 1 }) }).create()
    const build = () => PlanInstallmentFactory.merge({ paymentPlanId: plan.id })
    const today = await build().apply('dueToday').create()
    const retry = await build().apply('retryDue').create()
    await build().apply('failed').create()
    await build().apply('paid').create()
    await build().apply('processing').create()
    await build().create()
    const ids = (await PlanInstallment.query().where('payment_plan_id', plan.id).withScopes((s) => s.due())).map(
      (i) => i.id
    )
    assert.sameMembers(ids, [today.id, retry.id])
  })

  test('a billing run claims, then pays an installment', async ({ assert }) => {
    const installment = await PlanInstallmentFactory.apply('dueToday').create()
    const payment = await PaymentFactory.apply('succeeded').create()
    await installment.markProcessing()
    assert.equal(installment.status, 'processing')
    await installment.markPaid(payment)
    const reloaded = await PlanInstallment.findOrFail(installment.id)
    assert.equal(reloaded.status, 'paid')
    assert.equal(reloaded.paymentId, payment.id)
    assert.equal(reloaded.attempts, 1)
    assert.isNotNull(reloaded.paidAt)
  })

  test('a failed charge keeps the reason and the retry time, and can be retried', async ({ assert }) => {
    const installment = await PlanInstallmentFactory.apply('dueToday').create()
    const retryAt = DateTime.now().plus({ days: 2 }).startOf('second')
    await installment.markProcessing()
    await installment.markFailed('card_declined', retryAt)
    const reloaded = await PlanInstallment.findOrFail(installment.id)
    assert.equal(reloaded.status, 'failed')
    assert.equal(reloaded.failureReason, 'card_declined')
    assert.equal(reloaded.nextAttemptAt!.toMillis(), retryAt.toMillis())
    assert.equal(reloaded.attempts, 1)

    await reloaded.markProcessing()
    assert.equal(reloaded.status, 'processing')
  })

  test('refused installment transitions', async ({ assert }) => {
    const paid = await PlanInstallmentFactory.apply('paid').create()
    const failed = await PlanInstallmentFactory.apply('failed').create()
    const payment = await PaymentFactory.apply('succeeded').create()
    await assert.rejects(() => paid.markPaid(payment), /cannot go from paid to paid/)
    await assert.rejects(() => paid.markFailed('late', null), /cannot go from paid to failed/)
    await assert.rejects(() => paid.markProcessing(), /cannot go from paid to processing/)
    await assert.rejects(() => failed.markFailed('again', null), /cannot go from failed to failed/)
    assert.equal(failed.attempts, 1)
  })
})
