import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import CustomOrderMilestone from '#models/custom_order_milestone'
import Payment from '#models/payment'
import { CustomOrderFactory } from '#database/factories/custom_order_factory'
import { CustomOrderMilestoneFactory } from '#database/factories/custom_order_milestone_factory'
import StatusChange from '#models/status_change'
import { assertViolates } from '#tests/support/violations'

async function milestoneOf(state?: 'funded' | 'delivered' | 'released' | 'disputed') {
  const order = await CustomOrderFactory.with('user').apply('inProgress').create()
  const factory = CustomOrderMilestoneFactory.merge({ customOrderId: order.id })
  return state ? factory.apply(state).create() : factory.create()
}

function milestonePayment(milestone: CustomOrderMilestone) {
  return Payment.create({
    customOrderMilestoneId: milestone.id,
    amount: milestone.amount,
    currency: 'USD',
    paymentType: 'milestone',
    method: 'card',
    provider: 'stripe',
    providerPaymentId: 'pi_test_milestone',
    idempotencyKey: `milestone-${milestone.id}`,
    status: 'succeeded',
  })
}

test.group('Custom order milestone', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a milestone that reloads with its custom order and payment', async ({ assert }) => {
    const milestone = await CustomOrderMilestoneFactory.with('customOrder', 1, (o) => o.with('user')).create()
    assert.isTrue(await milestone.fund(await milestonePayment(milestone)))
    const reloaded = await CustomOrderMilestone.query()
      .where('id', milestone.id)
      .preload('customOrder')
      .preload('payment')
      .firstOrFail()
    assert.equal(reloaded.customOrder.id, milestone.customOrderId)
    assert.equal(reloaded.payment.amount, milestone.amount)
    assert.equal(reloaded.status, 'funded')
    assert.isNotNull(reloaded.fundedAt)
  })

  test('a funded milestone is delivered and released to the photographer', async ({ assert }) => {
    const milestone = await milestoneOf('funded')
    assert.isTrue(await milestone.deliver())
    assert.isTrue(await milestone.release())
    const reloaded = await CustomOrderMilestone.findOrFail(milestone.id)
    assert.equal(reloaded.status, 'released')
    assert.isNotNull(reloaded.deliveredAt)
    assert.isNotNull(reloaded.releasedAt)
  })

  test('a delivered milestone can be disputed, then refunded', async ({ assert }) => {
    const milestone = await milestoneOf('delivered')
    assert.isTrue(await milestone.dispute('Wrong colours'))
    assert.isTrue(await milestone.refund())
    const reloaded = await CustomOrderMilestone.findOrFail(milestone.id)
    assert.equal(reloaded.status, 'refunded')
    assert.equal(reloaded.disputeReason, 'Wrong colours')
    assert.isNotNull(reloaded.refundedAt)
    const history = await StatusChange.of('CustomOrderMilestone', milestone.id)
    assert.deepEqual(history.map((c) => [c.toStatus, c.note]), [['disputed', 'Wrong colours'], ['refunded', null]])
  })

  test('a disputed milestone can be released after all', async ({ assert }) => {
    const milestone = await milestoneOf('disputed')
    assert.isTrue(await milestone.release())
    assert.equal((await CustomOrderMilestone.findOrFail(milestone.id)).status, 'released')
  })

  test('an unfunded milestone is not delivered, released, refunded or disputed', async ({ assert }) => {
    const milestone = await milestoneOf()
    assert.isFalse(await milestone.deliver())
    assert.isFalse(await milestone.release())
    assert.isFalse(await milestone.refund())
    assert.isFalse(await milestone.dispute('x'))
    const reloaded = await CustomOrderMilestone.findOrFail(milestone.id)
    assert.equal(reloaded.status, 'pending')
    assert.isNull(reloaded.disputeReason)
    assert.lengthOf(await StatusChange.of('CustomOrderMilestone', milestone.id), 0)
  })

  test('a released milestone is final and is not funded twice', async ({ assert }) => {
    const milestone = await milestoneOf('released')
    const paymentId = milestone.paymentId
    assert.isFalse(await milestone.refund())
    assert.isFalse(await milestone.fund(await milestonePayment(milestone)))
    const reloaded = await CustomOrderMilestone.findOrFail(milestone.id)
    assert.equal(reloaded.status, 'released')
    assert.equal(reloaded.paymentId, paymentId)
    assert.isNull(reloaded.refundedAt)
  })

  test('the inEscrow scope lists money held for customers', async ({ assert }) => {
    const funded = await milestoneOf('funded')
    const disputed = await milestoneOf('disputed')
    await milestoneOf()
    await milestoneOf('released')
    const held = await CustomOrderMilestone.query().withScopes((s) => s.inEscrow())
    assert.sameMembers(held.map((m) => m.id), [funded.id, disputed.id])
  })

  test('two milestones of one order cannot share a position', async () => {
    const milestone = await milestoneOf()
    await assertViolates(
      () => CustomOrderMilestoneFactory.merge({ customOrderId: milestone.customOrderId, position: milestone.position }).create(),
      'unique'
    )
  })

  test('a milestone amount must be positive', async () => {
    const milestone = await milestoneOf()
    await assertViolates(() => CustomOrderMilestoneFactory.merge({ customOrderId: milestone.customOrderId, amount: 0 }).create(), 'check')
  })

  test('the status must be a known one', async () => {
    const milestone = await milestoneOf()
    await assertViolates(
      () => CustomOrderMilestoneFactory.merge({ customOrderId: milestone.customOrderId, status: 'escrowed' as any }).create(),
      'check'
    )
  })

  test('a funded milestone cannot be deleted while its payment exists', async ({ assert }) => {
    const milestone = await milestoneOf()
    assert.isTrue(await milestone.fund(await milestonePayment(milestone)))
    await assertViolates(() => milestone.delete(), 'foreign_key')
  })
})
