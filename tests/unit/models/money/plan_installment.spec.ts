import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import PlanInstallment from '#models/plan_installment'
import { PlanInstallmentFactory } from '#database/factories/plan_installment_factory'
import { PaymentPlanFactory } from '#database/factories/payment_plan_factory'
import { PaymentFactory } from '#database/factories/payment_factory'
import StatusChange from '#models/status_change'
import { actors } from '#support/actor'
import { assertViolates } from '#tests/support/violations'

test.group('Plan installment', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates an installment that reloads with its plan and payment', async ({ assert }) => {
    const installment = await PlanInstallmentFactory.create()
    const payment = await PaymentFactory.apply('succeeded').create()
    assert.isTrue(await installment.markPaid(payment))
    const reloaded = await PlanInstallment.query()
      .where('id', installment.id)
      .preload('paymentPlan')
      .preload('payment')
      .firstOrFail()
    assert.equal(reloaded.paymentPlan.id, installment.paymentPlanId)
    assert.equal(reloaded.payment.id, payment.id)
    assert.equal(reloaded.sequence, 4)
  })

  test('a plan has one installment per sequence number', async () => {
    const plan = await PaymentPlanFactory.create()
    await assertViolates(() => PlanInstallmentFactory.merge({ paymentPlanId: plan.id, sequence: 2 }).create(), 'unique')
  })

  test('status, sequence and amount are checked by the database', async () => {
    await assertViolates(() => PlanInstallmentFactory.merge({ status: 'skipped' as any }).create(), 'check')
    await assertViolates(() => PlanInstallmentFactory.merge({ sequence: 0 }).create(), 'check')
    await assertViolates(() => PlanInstallmentFactory.merge({ amount: 0 }).create(), 'check')
  })

  test('installments go with their plan', async ({ assert }) => {
    const installment = await PlanInstallmentFactory.create()
    await db.from('payment_plans').where('id', installment.paymentPlanId).delete()
    assert.isNull(await PlanInstallment.find(installment.id))
  })

  test('an installment with a payment cannot be deleted', async () => {
    const installment = await PlanInstallmentFactory.create()
    await PaymentFactory.merge({ planInstallmentId: installment.id }).create()
    await assertViolates(
      () => db.from('plan_installments').where('id', installment.id).delete(),
      'foreign_key'
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
    const abandoned = await build().apply('abandoned').create()
    await build().create()
    const ids = async (scope: 'due' | 'claimable') =>
      (await PlanInstallment.query().where('payment_plan_id', plan.id).withScopes((s) => s[scope]())).map((i) => i.id)
    assert.sameMembers(await ids('due'), [today.id, retry.id])
    // A billing run may also take over the claim of a run that died, not one that is charging now.
    assert.sameMembers(await ids('claimable'), [today.id, retry.id, abandoned.id])
  })

  test('a billing run claims, then pays an installment: the claim records who and when', async ({ assert }) => {
    const installment = await PlanInstallmentFactory.apply('dueToday').create()
    const payment = await PaymentFactory.apply('succeeded').create()
    const now = DateTime.now().startOf('second')
    assert.isTrue(await installment.claim('billing:run host-a:101', { now, actor: actors.system('billing:run') }))
    const claimed = await PlanInstallment.findOrFail(installment.id)
    assert.equal(claimed.status, 'processing')
    assert.equal(claimed.claimedBy, 'billing:run host-a:101')
    assert.equal(claimed.claimedAt!.toMillis(), now.toMillis())
    assert.equal(claimed.attempts, 1)
    assert.equal(claimed.idempotencyKey(), `plan-installment:${installment.id}:attempt:1`)

    assert.isTrue(await installment.markPaid(payment))
    const reloaded = await PlanInstallment.findOrFail(installment.id)
    assert.equal(reloaded.status, 'paid')
    assert.equal(reloaded.paymentId, payment.id)
    assert.equal(reloaded.attempts, 1)
    assert.isNotNull(reloaded.paidAt)
    assert.isNull(reloaded.claimedBy)
    const history = await StatusChange.of('PlanInstallment', installment.id)
    assert.deepEqual(history.map((c) => [c.fromStatus, c.toStatus]), [['scheduled', 'processing'], ['processing', 'paid']])
    assert.equal(history[0].actorLabel, 'billing:run')
  })

  test('a failed charge keeps the reason and the retry time; the retry is a new attempt with a new key', async ({
    assert,
  }) => {
    const installment = await PlanInstallmentFactory.apply('dueToday').create()
    const retryAt = DateTime.now().plus({ days: 2 }).startOf('second')
    assert.isTrue(await installment.claim('billing:run a'))
    const firstKey = installment.idempotencyKey()
    assert.isTrue(await installment.markFailed('card_declined', retryAt))
    const reloaded = await PlanInstallment.findOrFail(installment.id)
    assert.equal(reloaded.status, 'failed')
    assert.equal(reloaded.failureReason, 'card_declined')
    assert.equal(reloaded.nextAttemptAt!.toMillis(), retryAt.toMillis())
    assert.equal(reloaded.attempts, 1)
    assert.isNull(reloaded.claimedAt)

    assert.isTrue(await reloaded.claim('billing:run b'))
    const retried = await PlanInstallment.findOrFail(installment.id)
    assert.equal(retried.status, 'processing')
    assert.equal(retried.attempts, 2)
    assert.notEqual(retried.idempotencyKey(), firstKey)
  })

  test('a claim younger than the timeout is not taken over', async ({ assert }) => {
    const installment = await PlanInstallmentFactory.apply('processing').create()
    const other = await PlanInstallment.findOrFail(installment.id)
    assert.isFalse(await other.claim('billing:run host-b:202'))
    const reloaded = await PlanInstallment.findOrFail(installment.id)
    assert.equal(reloaded.claimedBy, 'billing:run test-host:4242')
    assert.lengthOf(await StatusChange.of('PlanInstallment', installment.id), 0)
  })

  test('the claim of a run that died is taken over after the timeout, with the same attempt and key', async ({
    assert,
  }) => {
    const installment = await PlanInstallmentFactory.apply('abandoned').create()
    const keyOfTheDeadRun = installment.idempotencyKey()
    const next = await PlanInstallment.findOrFail(installment.id)
    assert.isTrue(await next.claim('billing:run host-b:202'))
    const reloaded = await PlanInstallment.findOrFail(installment.id)
    assert.equal(reloaded.status, 'processing')
    assert.equal(reloaded.claimedBy, 'billing:run host-b:202')
    assert.equal(reloaded.attempts, 1)
    assert.equal(reloaded.idempotencyKey(), keyOfTheDeadRun)
    const [change] = await StatusChange.of('PlanInstallment', installment.id)
    assert.deepEqual([change.fromStatus, change.toStatus], ['processing', 'processing'])
    assert.include(change.note!, 'dead-host')
  })

  test('an installment never claimed has no key to charge with', async ({ assert }) => {
    const installment = await PlanInstallmentFactory.apply('dueToday').create()
    assert.throws(() => installment.idempotencyKey(), /never claimed/)
  })

  test('refused installment transitions return false and change nothing', async ({ assert }) => {
    const paid = await PlanInstallmentFactory.apply('paid').create()
    const failed = await PlanInstallmentFactory.apply('failed').create()
    const payment = await PaymentFactory.apply('succeeded').create()
    assert.isFalse(await paid.markPaid(payment))
    assert.isFalse(await paid.markFailed('late', null))
    assert.isFalse(await paid.claim('billing:run'))
    assert.isFalse(await failed.markFailed('again', null))
    const [a, b] = [await PlanInstallment.findOrFail(paid.id), await PlanInstallment.findOrFail(failed.id)]
    assert.equal(a.status, 'paid')
    assert.isNull(a.paymentId)
    assert.isNull(a.claimedBy)
    assert.equal(b.attempts, 1)
    assert.equal(b.failureReason, 'Your card was declined.')
    assert.lengthOf(await StatusChange.query().where('subject_type', 'PlanInstallment'), 0)
  })
})
