import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Payment from '#models/payment'
import { PaymentFactory } from '#database/factories/payment_factory'
import { PaymentPlanFactory } from '#database/factories/payment_plan_factory'
import { OrderFactory } from '#database/factories/order_factory'
import { TransformationFactory } from '#database/factories/transformation_factory'
import { CustomOrderMilestoneFactory } from '#database/factories/custom_order_milestone_factory'
import StatusChange from '#models/status_change'
import { actors } from '#support/actor'
import { Exception } from '@adonisjs/core/exceptions'
import { assertViolates } from '#tests/support/violations'

test.group('Payment', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a payment that reloads with what it pays for', async ({ assert }) => {
    const plan = await PaymentPlanFactory.create()
    await plan.load('installments')
    const payment = await PaymentFactory.apply('succeeded', 'plan_payment')
      .with('photoSession')
      .with('order')
      .merge({ paymentPlanId: plan.id, planInstallmentId: plan.installments[0].id })
      .create()
    const reloaded = await Payment.query()
      .where('id', payment.id)
      .preload('user')
      .preload('photoSession')
      .preload('order')
      .preload('paymentPlan')
      .preload('planInstallment')
      .firstOrFail()
    assert.equal(reloaded.user.id, payment.userId)
    assert.equal(reloaded.photoSession.id, payment.photoSessionId)
    assert.equal(reloaded.order.id, payment.orderId)
    assert.equal(reloaded.paymentPlan.id, plan.id)
    assert.equal(reloaded.planInstallment.sequence, 1)
    assert.equal(reloaded.status, 'succeeded')
  })

  test('a payment can pay for a transformation or a custom order milestone', async ({ assert }) => {
    const transformation = await TransformationFactory.with('user').with('transformationType').create()
    const milestone = await CustomOrderMilestoneFactory.with('customOrder', 1, (o) => o.with('user')).create()
    const forAi = await PaymentFactory.merge({ transformationId: transformation.id, paymentType: 'transformation' }).create()
    const forMilestone = await PaymentFactory.merge({ customOrderMilestoneId: milestone.id, paymentType: 'milestone' }).create()
    const [ai, escrow] = await Promise.all([
      Payment.query().where('id', forAi.id).preload('transformation').firstOrFail(),
      Payment.query().where('id', forMilestone.id).preload('customOrderMilestone').firstOrFail(),
    ])
    assert.equal(ai.transformation.id, transformation.id)
    assert.equal(escrow.customOrderMilestone.id, milestone.id)
  })

  test('an idempotency key is used once', async () => {
    const payment = await PaymentFactory.create()
    await assertViolates(() => PaymentFactory.merge({ idempotencyKey: payment.idempotencyKey }).create(), 'unique')
  })

  test('enumerations and amounts are checked by the database', async () => {
    await assertViolates(() => PaymentFactory.merge({ status: 'lost' as any }).create(), 'check')
    await assertViolates(() => PaymentFactory.merge({ paymentType: 'tip' as any }).create(), 'check')
    await assertViolates(() => PaymentFactory.merge({ method: 'crypto' as any }).create(), 'check')
    await assertViolates(() => PaymentFactory.merge({ provider: 'square' as any }).create(), 'check')
    await assertViolates(() => PaymentFactory.merge({ amount: 0 }).create(), 'check')
    await assertViolates(() => PaymentFactory.merge({ amount: 1000, refundAmount: 1001 }).create(), 'check')
  })

  test('a payment needs an existing order', async () => {
    await assertViolates(() => PaymentFactory.merge({ orderId: '00000000-0000-4000-8000-000000000000' }).create(), 'foreign_key')
  })

  test('an order with payments cannot be deleted', async () => {
    const order = await OrderFactory.create()
    await PaymentFactory.merge({ orderId: order.id }).create()
    await assertViolates(() => db.from('orders').where('id', order.id).delete(), 'foreign_key')
  })

  test('deleting a transformation keeps its payment', async ({ assert }) => {
    const transformation = await TransformationFactory.with('user').with('transformationType').create()
    const payment = await PaymentFactory.merge({ transformationId: transformation.id }).create()
    await db.from('transformations').where('id', transformation.id).delete()
    assert.isNull((await Payment.findOrFail(payment.id)).transformationId)
  })

  test('a pending payment succeeds or fails, each change in its history', async ({ assert }) => {
    const ok = await PaymentFactory.create()
    const webhook = actors.system('webhook:stripe')
    assert.isTrue(await ok.markSucceeded({ providerChargeId: 'ch_123' }, { actor: webhook }))
    const reloaded = await Payment.findOrFail(ok.id)
    assert.equal(reloaded.status, 'succeeded')
    assert.equal(reloaded.providerChargeId, 'ch_123')
    assert.isNotNull(reloaded.processedAt)
    const [change] = await StatusChange.of('Payment', ok.id)
    assert.deepEqual([change.fromStatus, change.toStatus, change.actorLabel], ['pending', 'succeeded', 'webhook:stripe'])

    const declined = await PaymentFactory.create()
    assert.isTrue(await declined.markFailed('card_declined', 'Your card was declined.'))
    const failed = await Payment.findOrFail(declined.id)
    assert.equal(failed.status, 'failed')
    assert.equal(failed.failureCode, 'card_declined')
  })

  test('a payment is refunded in parts, then in full', async ({ assert }) => {
    const payment = await PaymentFactory.apply('succeeded').merge({ amount: 10000 }).create()
    assert.isTrue(await payment.refund('Print damaged', 2500))
    assert.equal((await Payment.findOrFail(payment.id)).status, 'partially_refunded')
    assert.equal(payment.refundable, 7500)
    assert.isTrue(await payment.refund('Session cancelled'))
    const reloaded = await Payment.findOrFail(payment.id)
    assert.equal(reloaded.status, 'refunded')
    assert.equal(reloaded.refundAmount, 10000)
    assert.equal(reloaded.refundReason, 'Session cancelled')
    const history = await StatusChange.of('Payment', payment.id)
    assert.deepEqual(history.map((c) => [c.toStatus, c.note]), [
      ['partially_refunded', 'Print damaged'],
      ['refunded', 'Session cancelled'],
    ])
  })

  test('a refund computed from a copy read before another refund is refused, not added twice', async ({ assert }) => {
    const payment = await PaymentFactory.apply('succeeded').merge({ amount: 10000 }).create()
    const stale = await Payment.findOrFail(payment.id)
    assert.isTrue(await payment.refund('Print damaged', 6000))
    // The stale copy still thinks 10000 is refundable: its 6000 would refund 12000 in all.
    assert.isFalse(await stale.refund('Print damaged', 6000))
    const reloaded = await Payment.findOrFail(payment.id)
    assert.equal(reloaded.refundAmount, 6000)
    assert.equal(reloaded.status, 'partially_refunded')
  })

  test('a refund cannot exceed what is left', async ({ assert }) => {
    const payment = await PaymentFactory.apply('succeeded').merge({ amount: 1000 }).create()
    await assert.rejects(() => payment.refund('too much', 1001), Exception, /Cannot refund 1001/)
    await assert.rejects(() => payment.refund('nothing', 0), Exception, /Cannot refund 0/)
    const reloaded = await Payment.findOrFail(payment.id)
    assert.equal(reloaded.status, 'succeeded')
    assert.equal(reloaded.refundAmount, 0)
  })

  test('refused payment transitions return false and change nothing', async ({ assert }) => {
    const pending = await PaymentFactory.create()
    const failed = await PaymentFactory.apply('failed').create()
    const refunded = await PaymentFactory.apply('refunded').create()
    const succeeded = await PaymentFactory.apply('succeeded').create()
    await assert.rejects(() => pending.refund('no'), Exception, /Cannot refund/)
    assert.isFalse(await failed.markSucceeded({ providerChargeId: 'ch_late' }))
    assert.isFalse(await refunded.markFailed(null, 'late'))
    assert.isFalse(await succeeded.markFailed(null, 'late'))
    assert.isFalse(await succeeded.markSucceeded())
    const rows = await Payment.query().whereIn('id', [pending.id, failed.id, refunded.id, succeeded.id])
    assert.deepEqual(
      Object.fromEntries(rows.map((row) => [row.id, row.status])),
      { [pending.id]: 'pending', [failed.id]: 'failed', [refunded.id]: 'refunded', [succeeded.id]: 'succeeded' }
    )
    assert.notEqual(rows.find((row) => row.id === failed.id)!.providerChargeId, 'ch_late')
    assert.isNull(rows.find((row) => row.id === succeeded.id)!.failureReason)
    assert.lengthOf(await StatusChange.query().where('subject_type', 'Payment'), 0)
  })

  test('settled lists payments the studio keeps money from', async ({ assert }) => {
    const user = (await PaymentFactory.create()).userId
    const kept = await PaymentFactory.apply('succeeded').merge({ userId: user }).create()
    const part = await PaymentFactory.apply('succeeded').merge({ userId: user, amount: 5000 }).create()
    assert.isTrue(await part.refund('partial', 1000))
    await PaymentFactory.apply('failed').merge({ userId: user }).create()
    await PaymentFactory.apply('refunded').merge({ userId: user }).create()
    const ids = (await Payment.query().where('user_id', user!).withScopes((s) => s.settled())).map((p) => p.id)
    assert.sameMembers(ids, [kept.id, part.id])
  })
})
