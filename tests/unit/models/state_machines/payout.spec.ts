import { test } from '@japa/runner'
import Payout from '#models/payout'
import StatusChange from '#models/status_change'
import { PayoutFactory } from '#database/factories/payout_factory'
import { truncateAfterEach } from '#tests/support/truncate'

test.group('Payout state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two payout runs settle one pending payout: one reference is kept', async ({ assert }) => {
    const payout = await PayoutFactory.create()
    const [a, b] = await Promise.all([Payout.findOrFail(payout.id), Payout.findOrFail(payout.id)])
    const results = await Promise.all([a.markPaid('po_first'), b.markPaid('po_second')])
    assert.equal(results.filter(Boolean).length, 1)
    assert.lengthOf(await StatusChange.of('Payout', payout.id), 1)
    assert.equal((await Payout.findOrFail(payout.id)).reference, results[0] ? 'po_first' : 'po_second')
  })
})
