import { test } from '@japa/runner'
import CustomOrderMilestone from '#models/custom_order_milestone'
import StatusChange from '#models/status_change'
import { CustomOrderFactory } from '#database/factories/custom_order_factory'
import { CustomOrderMilestoneFactory } from '#database/factories/custom_order_milestone_factory'
import { truncateAfterEach } from '#tests/support/truncate'

test.group('CustomOrderMilestone state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('escrow released and refunded at once: the money goes one way', async ({ assert }) => {
    const order = await CustomOrderFactory.with('user').apply('inProgress').create()
    const milestone = await CustomOrderMilestoneFactory.merge({ customOrderId: order.id }).apply('disputed').create()
    const [a, b] = await Promise.all([
      CustomOrderMilestone.findOrFail(milestone.id),
      CustomOrderMilestone.findOrFail(milestone.id),
    ])
    const results = await Promise.all([a.release(), b.refund()])
    assert.equal(results.filter(Boolean).length, 1)
    const history = await StatusChange.of('CustomOrderMilestone', milestone.id)
    assert.lengthOf(history, 1)
    const reloaded = await CustomOrderMilestone.findOrFail(milestone.id)
    assert.equal(reloaded.status, history[0].toStatus)
    assert.isTrue((reloaded.releasedAt === null) !== (reloaded.refundedAt === null))
  })
})
