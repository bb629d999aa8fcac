import { test } from '@japa/runner'
import Payment from '#models/payment'
import StatusChange from '#models/status_change'
import { PaymentFactory } from '#database/factories/payment_factory'
import { truncateAfterEach } from '#tests/support/truncate'
import { raceTransition } from '#tests/support/race'

test.group('Payment state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('the webhook and the redirect both confirm one payment: one wins, one history row', async ({ assert }) => {
    const payment = await PaymentFactory.create()
    assert.equal(await raceTransition(Payment, payment.id, (row) => row.markSucceeded({ providerChargeId: 'ch_1' })), 1)
    assert.lengthOf(await StatusChange.of('Payment', payment.id), 1)
  })

  test('two partial refunds read at once: one applies, never more than was paid', async ({ assert }) => {
    const payment = await PaymentFactory.apply('succeeded').merge({ amount: 10000 }).create()
    // Each alone is allowed (6000 of 10000 refundable); together they would refund 12000.
    assert.equal(await raceTransition(Payment, payment.id, (row) => row.refund('Print damaged', 6000)), 1)
    assert.lengthOf(await StatusChange.of('Payment', payment.id), 1)
    assert.equal((await Payment.findOrFail(payment.id)).refundAmount, 6000)
  })

  test('two further refunds of a partly refunded payment (partially_refunded → partially_refunded): one', async ({
    assert,
  }) => {
    const payment = await PaymentFactory.apply('succeeded').merge({ amount: 10000 }).create()
    await payment.refund('first', 2000)
    assert.equal(await raceTransition(Payment, payment.id, (row) => row.refund('second', 3000)), 1)
    assert.lengthOf(await StatusChange.of('Payment', payment.id), 2)
    assert.equal((await Payment.findOrFail(payment.id)).refundAmount, 5000)
  })
})
