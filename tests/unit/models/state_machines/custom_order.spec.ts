import { test } from '@japa/runner'
import CustomOrder from '#models/custom_order'
import StatusChange from '#models/status_change'
import { CustomOrderFactory } from '#database/factories/custom_order_factory'
import { CustomOrderProposalFactory } from '#database/factories/custom_order_proposal_factory'
import { UserFactory } from '#database/factories/user_factory'
import { truncateAfterEach } from '#tests/support/truncate'

test.group('CustomOrder state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two proposals accepted at once: one photographer gets the commission', async ({ assert }) => {
    const order = await CustomOrderFactory.with('user').apply('proposed').create()
    const [first, second] = await UserFactory.apply('photographer').createMany(2)
    const proposals = await Promise.all(
      [first, second].map((photographer) =>
        CustomOrderProposalFactory.merge({ customOrderId: order.id, photographerId: photographer.id }).create()
      )
    )
    const [a, b] = await Promise.all([CustomOrder.findOrFail(order.id), CustomOrder.findOrFail(order.id)])
    const results = await Promise.all([a.accept(proposals[0]), b.accept(proposals[1])])
    assert.equal(results.filter(Boolean).length, 1)
    assert.lengthOf(await StatusChange.of('CustomOrder', order.id), 1)
    assert.equal((await CustomOrder.findOrFail(order.id)).photographerId, results[0] ? first.id : second.id)
  })
})
