import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Payment from '#models/payment'
import { PaymentFactory } from '#database/factories/payment_factory'
import { PaymentPlanFactory } from '#database/factories/payment_plan_factory'
import { OrderFactory } from '#database/factories/order_factory'
import { TransformationFactory } from '#database/factories/transformation_factory'
import { CustomOrderMilestoneFactory } from '#database/factories/custom_order_milestone_factory'

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

  test('an idempotency key is used once', async ({ assert }) => {
    const payment = await PaymentFactory.create()
    await assert.rejects(() => PaymentFactory.merge({ idempotencyKey: payment.idempotencyKey }).create())
  })

  test('enumerations and amounts are checked by the database', async ({ assert }) => {
    await assert.rejects(() => PaymentFactory.merge({ status: 'lost' as any }).create())
    await assert.rejects(() => PaymentFactory.merge({ paymentType: 'tip' as any }).create())
    await assert.rejects(() => PaymentFactory.merge({ method: 'crypto' as any }).create())
    await assert.rejects(() => PaymentFactory.merge({ provider: 'paypal' as any }).create())
    await assert.rejects(() => PaymentFactory.merge({ amount: 0 }).create())
    await assert.rejects(() => PaymentFactory.merge({ amount: 1000, refundAmount: 1001 }).create())
  })

  test('a payment needs an existing order', async ({ assert }) => {
    await assert.rejects(() => PaymentFactory.merge({ orderId: '00000000-0000-4000-8000-000000000000' }).create())
  })

  test('an order with payments cannot be deleted', async ({ assert }) => {
    const order = await OrderFactory.create()
    await PaymentFactory.merge({ orderId: order.id }).create()
    await assert.rejects(() => db.transaction((trx) => trx.from('orders').where('id', order.id).delete()))
  })

  test('deleting a transformation keeps its payment', async ({ assert }) => {
    const transformation = await TransformationFactory.with('user').with('transformationType').create()
    const payment = await PaymentFactory.merge({ transformationId: transformation.id }).create()
    await db.from('transformations').where('id', transformation.id).delete()
    assert.isNull((await Payment.findOrFail(payment.id)).transformationId)
  })

  test('a pending payment succeeds or fails', async ({ assert }) => {
    const ok = await PaymentFactory.create()
    await ok.markSucceeded({ providerChargeId: 'ch_123' })
    const reloaded = await Payment.findOrFail(ok.id)
    assert.equal(reloaded.status, 'succeeded')
    assert.equal(reloaded.providerChargeId, 'ch_123')
    assert.isNotNull(reloaded.processedAt)

    const declined = await PaymentFactory.create()
    await declined.markFailed('card_declined', 'Your card was declined.')
    assert.equal(declined.status, 'failed')
    assert.equal(declined.failureCode, 'card_declined')
  })

  test('a payment is refunded in parts, then in full', async ({ assert }) => {
    const payment = await PaymentFactory.apply('succeeded').merge({ amount: 10000 }).create()
    await payment.refund('Print damaged', 2500)
    assert.equal(payment.status, 'partially_refunded')
    assert.equal(payment.refundable, 7500)
    await payment.refund('Session cancelled')
    const reloaded = await Payment.findOrFail(payment.id)
    assert.equal(reloaded.status, 'refunded')
    assert.equal(reloaded.refundAmount, 10000)
    assert.equal(reloaded.refundReason, 'Session cancelled')
  })

  test('a refund cannot exceed what is left', async ({ assert }) => {
    const payment = await PaymentFactory.apply('succeeded').merge({ amount: 1000 }).create()
    await assert.rejects(() => payment.refund('too much', 1001), /Cannot refund 1001/)
    await assert.rejects(() => payment.refund('nothing', 0), /Cannot refund 0/)
    assert.equal(payment.status, 'succeeded')
  })

  test('refused payment transitions', async ({ assert }) => {
    const pending = await PaymentFactory.create()
    const failed = await PaymentFactory.apply('failed').create()
    const refunded = await PaymentFactory.apply('refunded').create()
    const succeeded = await PaymentFactory.apply('succeeded').create()
    await assert.rejects(() => pending.refund('no'), /Cannot refund/)
    await assert.rejects(() => failed.markSucceeded(), /cannot go from failed to succeeded/)
    await assert.rejects(() => refunded.markFailed(null, 'late'), /cannot go from refunded to failed/)
    await assert.rejects(() => succeeded.markFailed(null, 'late'), /cannot go from succeeded to failed/)
    await assert.rejects(() => succeeded.markSucceeded(), /cannot go from succeeded to succeeded/)
  })

  test('settled lists payments the studio keeps money from', async ({ assert }) => {
    const user = (await PaymentFactory.create()).userId
    const kept = await PaymentFactory.apply('succeeded').merge({ userId: user }).create()
    const part = await PaymentFactory.apply('succeeded').merge({ userId: user, amount: 5000 }).create()
    await part.refund('partial', 1000)
    await PaymentFactory.apply('failed').merge({ userId: user }).create()
    await PaymentFactory.apply('refunded').merge({ userId: user }).create()
    const ids = (await Payment.query().where('user_id', user!).withScopes((s) => s.settled())).map((p) => p.id)
    assert.sameMembers(ids, [kept.id, part.id])
  })
})
