import { test } from '@japa/runner'
import Order from '#models/order'
import StatusChange from '#models/status_change'
import { OrderFactory } from '#database/factories/order_factory'
import { truncateAfterEach } from '#tests/support/truncate'

test.group('Order state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('the studio ships while the customer cancels: exactly one happens', async ({ assert }) => {
    const order = await OrderFactory.apply('paid').create()
    const [a, b] = await Promise.all([Order.findOrFail(order.id), Order.findOrFail(order.id)])
    const results = await Promise.all([a.markShipped(['1Z42']), b.cancel('changed my mind')])
    assert.equal(results.filter(Boolean).length, 1)
    const history = await StatusChange.of('Order', order.id)
    assert.lengthOf(history, 1)
    assert.equal((await Order.findOrFail(order.id)).status, history[0].toStatus)
  })

  test('two refunds of one delivered order: one', async ({ assert }) => {
    const order = await OrderFactory.apply('delivered').create()
    const copies = await Promise.all([Order.findOrFail(order.id), Order.findOrFail(order.id)])
    const results = await Promise.all(copies.map((copy) => copy.refund()))
    assert.equal(results.filter(Boolean).length, 1)
    assert.lengthOf(await StatusChange.of('Order', order.id), 1)
  })
})
