import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import Order from '#models/order'
import OrderItem from '#models/order_item'
import ProductVariant from '#models/product_variant'
import Refund from '#models/refund'
import StatusChange from '#models/status_change'
import AdjustOrder from '#actions/shop/adjust_order'
import MarkPaymentReceived from '#actions/payments/mark_payment_received'
import { refundAdjustment } from '#actions/shop/adjustment_follow_up'
import { UserFactory } from '#database/factories/user_factory'
import { actors } from '#support/actor'
import { artworkForSale } from '#tests/support/shop'
import { addToGuestCart, checkout } from '#tests/support/checkout'
import { lastDeliveredTo } from '#tests/support/mail'

/** A guest pays at the studio for two 8x10s ($25, 10 in stock) and one 11x14 ($95), shipped to California: $163.51. */
async function placedOrder(client: ApiClient) {
  const { small, smallOption, largeOption } = await artworkForSale()
  await small.merge({ stock: 10 }).save()
  const { token } = await addToGuestCart(client, smallOption.id, 2)
  await addToGuestCart(client, largeOption.id, 1, token)
  await checkout(client, token!, { email: 'fan@example.com' })
  const order = await Order.query().where('customer_email', 'fan@example.com').preload('items').preload('payments').firstOrFail()
  const smallLine = order.items.find((item) => item.productVariantId === small.id)!
  const largeLine = order.items.find((item) => item.productVariantId !== small.id)!
  return { order, small, smallLine, largeLine, payment: order.payments[0] }
}

function adjust(client: ApiClient, order: Order, user: any, itemId: string, quantity: number) {
  return client.post(`/admin/orders/${order.id}/adjustment`).form({ itemId, quantity }).loginAs(user).withCsrfToken().redirects(0)
}

/** What an adjustment would write: the order's totals, its lines, its payments' amounts, its history. */
async function snapshot(order: Order) {
  const fresh = await Order.query().where('id', order.id).preload('items').preload('payments').firstOrFail()
  const history = await StatusChange.query().where('subject_id', order.id)
  return {
    totals: [fresh.subtotal, fresh.discountAmount, fresh.shippingAmount, fresh.taxAmount, fresh.totalAmount, fresh.updatedAt.toMillis()],
    lines: fresh.items.map((item) => `${item.id}:${item.quantity}:${item.totalPrice}`).sort(),
    payments: fresh.payments.map((payment) => `${payment.amount}:${payment.status}:${payment.refundAmount}`),
    history: history.length,
  }
}

test.group('Admin: adjusting an order in its review window', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lowering a quantity on a pay-at-studio order reprices it and its pending payment, restocks and emails the customer', async ({ client, assert }) => {
    const staff = await UserFactory.merge({ role: 'staff' }).create()
    const { order, small, smallLine, payment } = await placedOrder(client)
    assert.equal(order.totalAmount, 16351)
    assert.equal(payment.provider, 'offline')

    const response = await adjust(client, order, staff, smallLine.id, 1)
    response.assertStatus(303)
    assert.include(response.flashMessages().success, 'New total $136.70')

    await order.refresh()
    assert.deepEqual([order.subtotal, order.discountAmount, order.shippingAmount, order.taxAmount, order.totalAmount], [12000, 0, 800, 870, 13670])
    assert.equal(order.status, 'pending')
    const line = await OrderItem.findOrFail(smallLine.id)
    assert.deepEqual([line.quantity, line.totalPrice], [1, 2500])
    await payment.refresh()
    assert.deepEqual([payment.amount, payment.status], [13670, 'pending'])
    assert.equal((await ProductVariant.findOrFail(small.id)).stock, 9)
    const history = await StatusChange.query().where('subject_id', order.id)
    assert.lengthOf(history, 1)
    assert.deepEqual([history[0].fromStatus, history[0].toStatus, history[0].actorId], ['pending', 'pending', staff.id])
    assert.include(history[0].note!, '2 → 1')

    const mail = lastDeliveredTo('fan@example.com')
    assert.equal(mail.subject, `Your order ${order.orderNumber} was adjusted`)
    assert.include(mail.text!, 'New total: $136.70 (was $163.51)')
    assert.include(mail.text!, `/orders/${order.id}?signature=`)
  })

  test('on an order paid at the studio the difference is refunded once, through the offline gateway', async ({ client, assert }) => {
    const staff = await UserFactory.merge({ role: 'staff' }).create()
    const { order, smallLine, payment } = await placedOrder(client)
    await MarkPaymentReceived.handle(actors.user(staff), payment, 'cash')

    const response = await adjust(client, order, staff, smallLine.id, 1)
    assert.include(response.flashMessages().success, '$26.81 refunded')
    // The same form again: already at 1, nothing to lower and nothing more refunded.
    assert.equal((await adjust(client, order, staff, smallLine.id, 1)).flashMessages().error, 'Only lower a quantity or remove a line: the customer never pays more than they agreed.')

    await order.refresh()
    assert.deepEqual([order.status, order.totalAmount], ['paid', 13670])
    await payment.refresh()
    assert.deepEqual([payment.status, payment.refundAmount], ['partially_refunded', 2681])
    const again = await refundAdjustment(actors.user(staff), order, 2681)
    assert.isTrue(again.ok && again.replayed)
    const refunds = await Refund.query().where('payment_id', payment.id)
    assert.lengthOf(refunds, 1)
    assert.deepEqual([refunds[0].amount, refunds[0].status], [2681, 'succeeded'])
    assert.include(lastDeliveredTo('fan@example.com').text!, 'We are refunding the $26.81 difference')
  })

  test('after the review window an adjustment is refused and nothing is written', async ({ client, assert }) => {
    const admin = await UserFactory.merge({ role: 'admin' }).create()
    const { order, smallLine } = await placedOrder(client)
    await order.merge({ reviewEndsAt: DateTime.now().minus({ minutes: 1 }) }).save()
    const before = await snapshot(order)

    const response = await adjust(client, order, admin, smallLine.id, 1)
    assert.equal(response.flashMessages().error, 'The review window is over: the order is going to print as it is.')
    assert.deepEqual(await snapshot(order), before)
    const page = await client.get(`/admin/orders/${order.id}`).loginAs(admin)
    assert.notInclude(page.text(), 'New quantity (0 removes)')
  })

  test('raising a quantity is refused and nothing is written', async ({ client, assert }) => {
    const admin = await UserFactory.merge({ role: 'admin' }).create()
    const { order, smallLine } = await placedOrder(client)
    const before = await snapshot(order)
    const response = await adjust(client, order, admin, smallLine.id, 3)
    assert.include(response.flashMessages().error, 'Only lower a quantity')
    assert.deepEqual(await snapshot(order), before)
  })

  test('a line can be removed, but not the last one', async ({ client, assert }) => {
    const admin = await UserFactory.merge({ role: 'admin' }).create()
    const { order, smallLine, largeLine } = await placedOrder(client)
    const page = await client.get(`/admin/orders/${order.id}`).loginAs(admin)
    page.assertTextIncludes('New quantity (0 removes)')

    assert.include((await adjust(client, order, admin, largeLine.id, 0)).flashMessages().success, 'removed')
    assert.isNull(await OrderItem.find(largeLine.id))
    const before = await snapshot(order)
    const response = await adjust(client, order, admin, smallLine.id, 0)
    assert.equal(response.flashMessages().error, 'At least one line must remain: to remove everything, cancel the order.')
    assert.deepEqual(await snapshot(order), before)
  })

  test('two staff adjusting from the same reading: only the first applies', async ({ client, assert }) => {
    const staff = actors.user(await UserFactory.merge({ role: 'staff' }).create())
    const { order, smallLine, largeLine } = await placedOrder(client)
    const [first, second] = [await Order.findOrFail(order.id), await Order.findOrFail(order.id)]
    assert.isTrue((await AdjustOrder.handle(staff, first, { itemId: smallLine.id, quantity: 1 })).ok)
    const after = await snapshot(order)
    assert.deepEqual(await AdjustOrder.handle(staff, second, { itemId: largeLine.id, quantity: 0 }), { ok: false, reason: 'stale' })
    assert.deepEqual(await snapshot(order), after)
  })

  test('a bad quantity is a message on the form; a customer cannot adjust', async ({ client, assert }) => {
    const admin = await UserFactory.merge({ role: 'admin' }).create()
    const customer = await UserFactory.merge({ role: 'customer' }).create()
    const { order, smallLine } = await placedOrder(client)
    const before = await snapshot(order)
    const bad = await client.post(`/admin/orders/${order.id}/adjustment`).form({ itemId: smallLine.id, quantity: '-1' }).loginAs(admin).withCsrfToken().redirects(0)
    bad.assertValidationError('quantity', 'Enter the new quantity (0 removes the line)')
    ;(await adjust(client, order, customer, smallLine.id, 1)).assertStatus(403)
    assert.deepEqual(await snapshot(order), before)
  })
})
