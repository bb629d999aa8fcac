import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Order from '#models/order'
import Payment from '#models/payment'
import { OrderFactory } from '#database/factories/order_factory'
import { UserFactory } from '#database/factories/user_factory'
import { DiscountCodeFactory } from '#database/factories/discount_code_factory'
import StatusChange from '#models/status_change'
import { assertViolates } from '#tests/support/violations'

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
    assert.isTrue(await order.markPaid(await orderPayment(order)))
    assert.isTrue(await order.startProduction())
    assert.isTrue(await order.markShipped(['1Z999', '1Z998']))
    assert.isTrue(await order.markDelivered())
    const reloaded = await Order.findOrFail(order.id)
    assert.equal(reloaded.status, 'delivered')
    assert.equal(reloaded.providerPaymentId, 'pi_test_123')
    assert.deepEqual(reloaded.trackingNumbers, ['1Z999', '1Z998'])
    assert.isNotNull(reloaded.paidAt)
    assert.isNotNull(reloaded.shippedAt)
    assert.isNotNull(reloaded.deliveredAt)
    const history = await StatusChange.of('Order', order.id)
    assert.deepEqual(history.map((c) => c.toStatus), ['paid', 'in_production', 'shipped', 'delivered'])
  })

  test('a paid order can ship without a production step, and be refunded after delivery', async ({ assert }) => {
    const order = await OrderFactory.apply('paid').create()
    assert.isTrue(await order.markShipped(['1Z1']))
    assert.isTrue(await order.markDelivered())
    assert.isTrue(await order.refund())
    assert.equal((await Order.findOrFail(order.id)).status, 'refunded')
  })

  test('a pending order can be cancelled with a reason', async ({ assert }) => {
    const order = await OrderFactory.create()
    assert.isTrue(await order.cancel('customer changed their mind'))
    const reloaded = await Order.findOrFail(order.id)
    assert.equal(reloaded.status, 'cancelled')
    assert.include(reloaded.notes!, 'customer changed their mind')
    assert.equal((await StatusChange.of('Order', order.id))[0].note, 'customer changed their mind')
  })

  test('a pending order does not ship, start production or get refunded', async ({ assert }) => {
    const order = await OrderFactory.create()
    assert.isFalse(await order.markShipped(['1Z']))
    assert.isFalse(await order.startProduction())
    assert.isFalse(await order.refund())
    const reloaded = await Order.findOrFail(order.id)
    assert.equal(reloaded.status, 'pending')
    assert.isNull(reloaded.trackingNumbers)
    assert.isNull(reloaded.refundedAt)
    assert.lengthOf(await StatusChange.of('Order', order.id), 0)
  })

  test('a shipped order is not cancelled or paid again', async ({ assert }) => {
    const order = await OrderFactory.apply('shipped').create()
    const paidAt = order.paidAt!.toMillis()
    assert.isFalse(await order.cancel('too late'))
    assert.isFalse(await order.markPaid(await orderPayment(order)))
    const reloaded = await Order.findOrFail(order.id)
    assert.equal(reloaded.status, 'shipped')
    assert.isNull(reloaded.cancelledAt)
    assert.equal(Math.floor(reloaded.paidAt!.toMillis() / 1000), Math.floor(paidAt / 1000))
  })

  test('cancelled and refunded orders are final', async ({ assert }) => {
    const cancelled = await OrderFactory.apply('cancelled').create()
    const refunded = await OrderFactory.apply('refunded').create()
    assert.isFalse(await cancelled.markPaid(await orderPayment(cancelled)))
    assert.isFalse(await refunded.markDelivered())
    assert.equal((await Order.findOrFail(cancelled.id)).status, 'cancelled')
    assert.equal((await Order.findOrFail(refunded.id)).status, 'refunded')
    assert.lengthOf(await StatusChange.query().where('subject_type', 'Order'), 0)
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

  test('the order number is unique', async () => {
    await OrderFactory.merge({ orderNumber: 'O-2026-999999' }).create()
    await assertViolates(() => OrderFactory.merge({ orderNumber: 'O-2026-999999' }).create(), 'unique')
  })

  test('the total must equal subtotal + tax + shipping - discount', async () => {
    await assertViolates(() => OrderFactory.merge({ subtotal: 1000, taxAmount: 0, shippingAmount: 0, totalAmount: 900 }).create(), 'check')
  })

  test('amounts cannot be negative', async () => {
    await assertViolates(
      () => OrderFactory.merge({ subtotal: 1000, taxAmount: 0, shippingAmount: 0, discountAmount: -100, totalAmount: 1100 }).create(),
      'check'
    )
  })

  test('the status must be a known one', async () => {
    await assertViolates(() => OrderFactory.merge({ status: 'lost' as any }).create(), 'check')
  })

  test('an order cannot point at a missing user', async () => {
    await assertViolates(() => OrderFactory.merge({ userId: '00000000-0000-4000-8000-000000000000' }).create(), 'foreign_key')
  })

  test('a discount code used by an order cannot be deleted', async () => {
    const code = await DiscountCodeFactory.create()
    await OrderFactory.merge({ discountCodeId: code.id }).create()
    await assertViolates(() => db.from('discount_codes').where('id', code.id).delete(), 'foreign_key')
  })

  test('an order with a payment cannot be deleted', async () => {
    const order = await OrderFactory.create()
    await orderPayment(order)
    await assertViolates(() => order.delete(), 'foreign_key')
  })
})
