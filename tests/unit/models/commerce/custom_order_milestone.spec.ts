import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import CustomOrderMilestone from '#models/custom_order_milestone'
import Payment from '#models/payment'
import { CustomOrderFactory } from '#database/factories/custom_order_factory'
import { CustomOrderMilestoneFactory } from '#database/factories/custom_order_milestone_factory'

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
    await milestone.fund(await milestonePayment(milestone))
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
    await milestone.deliver()
    await milestone.release()
    const reloaded = await CustomOrderMilestone.findOrFail(milestone.id)
    assert.equal(reloaded.status, 'released')
    assert.isNotNull(reloaded.deliveredAt)
    assert.isNotNull(reloaded.releasedAt)
  })

  test('a delivered milestone can be disputed, then refunded', async ({ assert }) => {
    const milestone = await milestoneOf('delivered')
    await milestone.dispute('Wrong colours')
    await milestone.refund()
    const reloaded = await CustomOrderMilestone.findOrFail(milestone.id)
    assert.equal(reloaded.status, 'refunded')
    assert.equal(reloaded.disputeReason, 'Wrong colours')
    assert.isNotNull(reloaded.refundedAt)
  })

  test('a disputed milestone can be released after all', async ({ assert }) => {
    const milestone = await milestoneOf('disputed')
    await milestone.release()
    assert.equal((await CustomOrderMilestone.findOrFail(milestone.id)).status, 'released')
  })

  test('an unfunded milestone cannot be delivered, released, refunded or disputed', async ({ assert }) => {
    const milestone = await milestoneOf()
    await assert.rejects(() => milestone.deliver(), /cannot go from pending to delivered/)
    await assert.rejects(() => milestone.release(), /cannot go from pending to released/)
    await assert.rejects(() => milestone.refund(), /cannot go from pending to refunded/)
    await assert.rejects(() => milestone.dispute('x'), /cannot go from pending to disputed/)
  })

  test('a released milestone is final and cannot be funded twice', async ({ assert }) => {
    const milestone = await milestoneOf('released')
    await assert.rejects(() => milestone.refund(), /cannot go from released to refunded/)
    await assert.rejects(() => milestone.fund(new Payment()), /cannot go from released to funded/)
  })

  test('the inEscrow scope lists money held for customers', async ({ assert }) => {
    const funded = await milestoneOf('funded')
    const disputed = await milestoneOf('disputed')
    await milestoneOf()
    await milestoneOf('released')
    const held = await CustomOrderMilestone.query().withScopes((s) => s.inEscrow())
    assert.sameMembers(held.map((m) => m.id), [funded.id, disputed.id])
  })

  test('two milestones of one order cannot share a position', async ({ assert }) => {
    const milestone = await milestoneOf()
    await assert.rejects(() =>
      CustomOrderMilestoneFactory.merge({ customOrderId: milestone.customOrderId, position: milestone.position }).create()
    )
  })

  test('a milestone amount must be positive', async ({ assert }) => {
    const milestone = await milestoneOf()
    await assert.rejects(() => CustomOrderMilestoneFactory.merge({ customOrderId: milestone.customOrderId, amount: 0 }).create())
  })

  test('the status must be a known one', async ({ assert }) => {
    const milestone = await milestoneOf()
    await assert.rejects(() =>
      CustomOrderMilestoneFactory.merge({ customOrderId: milestone.customOrderId, status: 'escrowed' as any }).create()
    )
  })

  test('a funded milestone cannot be deleted while its payment exists', async ({ assert }) => {
    const milestone = await milestoneOf()
    await milestone.fund(await milestonePayment(milestone))
    await assert.rejects(() => milestone.delete())
  })
})
