import { test } from '@japa/runner'
import CustomOrderProposal from '#models/custom_order_proposal'
import StatusChange from '#models/status_change'
import { CustomOrderFactory } from '#database/factories/custom_order_factory'
import { CustomOrderProposalFactory } from '#database/factories/custom_order_proposal_factory'
import { truncateAfterEach } from '#tests/support/truncate'

test.group('CustomOrderProposal state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('the customer accepts while the photographer withdraws: exactly one decision', async ({ assert }) => {
    const order = await CustomOrderFactory.with('user').create()
    const proposal = await CustomOrderProposalFactory.merge({ customOrderId: order.id }).with('photographer').create()
    const [a, b] = await Promise.all([
      CustomOrderProposal.findOrFail(proposal.id),
      CustomOrderProposal.findOrFail(proposal.id),
    ])
    const results = await Promise.all([a.accept(), b.withdraw()])
    assert.equal(results.filter(Boolean).length, 1)
    const history = await StatusChange.of('CustomOrderProposal', proposal.id)
    assert.lengthOf(history, 1)
    assert.equal((await CustomOrderProposal.findOrFail(proposal.id)).status, history[0].toStatus)
  })
})
