import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Order from '#models/order'
import Payment from '#models/payment'
import { OrderFactory } from '#database/factories/order_factory'
import { UserFactory } from '#database/factories/user_factory'
import { DiscountCodeFactory } from '#database/factories/discount_code_factory'

const orderPayment = (order: Order) =>
  Payment.create({
    userId: order.userId,
    orderId: order.id,
    amount: order.totalAmount,
    currency: order.currency,
    paymentType: 'product_purchase',
    method: 'card',
    provider: 'stripe',
    providerPaymentId: 'pi_test_123',
    idempotencyKey: `order-${order.id}`,
    status: 'succeeded',
  })

test.group('Order', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates an order that reloads with its customer, items, discount code and payments', async ({
    assert,
  }) => {
    const order = await OrderFactory.with('user')
      .with('discountCode')
      .with('items', 2, (item) => item.with('productVariant', 1, (v) => v.with('product')))
      .apply('discounted')
      .create()
    await orderPayment(order)
    const reloaded = await Order.query()
      .where('id', order.id)
      .preload('user')
      .preload('discountCode')
      .preload('items', (q) => q.preload('productVariant'))
      .preload('payments')
      .firstOrFail()
    assert.equal(reloaded.user.id, order.userId)
    assert.equal(reloaded.discountCode.id, order.discountCodeId)
    assert.lengthOf(reloaded.items, 2)
    assert.lengthOf(reloaded.payments, 1)
    assert.equal(reloaded.totalAmount, reloaded.subtotal + reloaded.taxAmount + reloaded.shippingAmount - reloaded.discountAmount)
    assert.equal(reloaded.shippingAddress!.country, 'US')
  })

  test('a new order gets the next O-year-sequence number', async ({ assert }) => {
    const first = await OrderFactory.create()
    const second = await OrderFactory.create()
    const year = DateTime.now().year
    assert.match(first.orderNumber, new RegExp(`^O-${year}-\\d{6}$`))
    assert.equal(Number(second.orderNumber.slice(-6)), Number(first.orderNumber.slice(-6)) + 1)
  })

  test('an order number given explicitly is kept', async ({ assert }) => {
    const order = await OrderFactory.merge({ orderNumber: 'O-LEGACY-1' }).create()
    assert.equal(order.orderNumber, 'O-LEGACY-1')
  })

  test('a guest order has no user but keeps the email', async ({ assert }) => {
    const order = await OrderFactory.merge({ customerEmail: 'guest@example.com' }).create()
    const reloaded = await Order.findOrFail(order.id)
    assert.isNull(reloaded.userId)
    assert.equal(reloaded.customerEmail, 'guest@example.com')
    assert.equal(reloaded.status, 'pending')
  })

  test('an order walks from pending to delivered', async ({ assert }) => {
    const order = await OrderFactory.with('user').create()
    await order.markPaid(await orderPayment(order))
    await order.startProduction()
    await order.markShipped(['1Z999', '1Z998'])
    await order.markDelivered()
    const reloaded = await Order.findOrFail(order.id)
    assert.equal(reloaded.status, 'delivered')
    assert.equal(reloaded.providerPaymentId, 'pi_test_123')
    assert.deepEqual(reloaded.trackingNumbers, ['1Z999', '1Z998'])
    assert.isNotNull(reloaded.paidAt)
    assert.isNotNull(reloaded.shippedAt)
    assert.isNotNull(reloaded.deliveredAt)
  })

  test('a paid order can ship without a production step, and be refunded after delivery', async ({ assert }) => {
    const order = await OrderFactory.apply('paid').create()
    await order.markShipped(['1Z1'])
    await order.markDelivered()
    await order.refund()
    assert.equal((await Order.findOrFail(order.id)).status, 'refunded')
  })

  test('a pending order can be cancelled with a reason', async ({ assert }) => {
    const order = await OrderFactory.create()
    await order.cancel('customer changed their mind')
    const reloaded = await Order.findOrFail(order.id)
    assert.equal(reloaded.status, 'cancelled')
    assert.include(reloaded.notes!, 'customer changed their mind')
  })

  test('a pending order cannot ship, start production or be refunded', async ({ assert }) => {
    const order = await OrderFactory.create()
    await assert.rejects(() => order.markShipped(['1Z']), /cannot go from pending to shipped/)
    await assert.rejects(() => order.startProduction(), /cannot go from pending to in_production/)
    await assert.rejects(() => order.refund(), /cannot go from pending to refunded/)
  })

  test('a shipped order cannot be cancelled or paid again', async ({ assert }) => {
    const order = await OrderFactory.apply('shipped').create()
    await assert.rejects(() => order.cancel(), /cannot go from shipped to cancelled/)
    await assert.rejects(() => order.markPaid(new Payment()), /cannot go from shipped to paid/)
  })

  test('cancelled and refunded orders are final', async ({ assert }) => {
    const cancelled = await OrderFactory.apply('cancelled').create()
    const refunded = await OrderFactory.apply('refunded').create()
    await assert.rejects(() => cancelled.markPaid(new Payment()), /cannot go from cancelled to paid/)
    await assert.rejects(() => refunded.markDelivered(), /cannot go from refunded to delivered/)
  })

  test('the open scope lists paid orders not yet delivered', async ({ assert }) => {
    const paid = await OrderFactory.apply('paid').create()
    const shipped = await OrderFactory.apply('shipped').create()
    await OrderFactory.create()
    await OrderFactory.apply('delivered').create()
    const ids = (await Order.query().withScopes((s) => s.open())).map((o) => o.id).sort()
    assert.deepEqual(ids, [paid.id, shipped.id].sort())
    const pending = await Order.query().withScopes((s) => s.withStatus('pending'))
    assert.lengthOf(pending, 1)
  })

  test('the placedBetween scope filters by creation time', async ({ assert }) => {
    const recent = await OrderFactory.create()
    const old = await OrderFactory.merge({ createdAt: DateTime.now().minus({ days: 40 }) }).create()
    const ids = (
      await Order.query().withScopes((s) => s.placedBetween(DateTime.now().minus({ days: 7 }), DateTime.now().plus({ minutes: 1 })))
    ).map((o) => o.id)
    assert.include(ids, recent.id)
    assert.notInclude(ids, old.id)
  })

  test('deleting the customer keeps the order without a user', async ({ assert }) => {
    const user = await UserFactory.create()
    const order = await OrderFactory.merge({ userId: user.id }).create()
    await db.from('users').where('id', user.id).delete()
    assert.isNull((await Order.findOrFail(order.id)).userId)
  })

  test('the order number is unique', async ({ assert }) => {
    await OrderFactory.merge({ orderNumber: 'O-2026-999999' }).create()
    await assert.rejects(() => OrderFactory.merge({ orderNumber: 'O-2026-999999' }).create())
  })

  test('the total must equal subtotal + tax + shipping - discount', async ({ assert }) => {
    await assert.rejects(() => OrderFactory.merge({ subtotal: 1000, taxAmount: 0, shippingAmount: 0, totalAmount: 900 }).create())
  })

  test('amounts cannot be negative', async ({ assert }) => {
    await assert.rejects(() =>
      OrderFactory.merge({ subtotal: 1000, taxAmount: 0, shippingAmount: 0, discountAmount: -100, totalAmount: 1100 }).create()
    )
  })

  test('the status must be a known one', async ({ assert }) => {
    await assert.rejects(() => OrderFactory.merge({ status: 'lost' as any }).create())
  })

  test('an order cannot point at a missing user', async ({ assert }) => {
    await assert.rejects(() => OrderFactory.merge({ userId: '00000000-0000-4000-8000-000000000000' }).create())
  })

  test('a discount code used by an order cannot be deleted', async ({ assert }) => {
    const code = await DiscountCodeFactory.create()
    await OrderFactory.merge({ discountCodeId: code.id }).create()
    await assert.rejects(() => db.from('discount_codes').where('id', code.id).delete())
  })

  test('an order with a payment cannot be deleted', async ({ assert }) => {
    const order = await OrderFactory.create()
    await orderPayment(order)
    await assert.rejects(() => order.delete())
  })
})
