import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Order from '#models/order'
import OrderItem from '#models/order_item'
import { UserFactory } from '#database/factories/user_factory'
import { artworkForSale } from '#tests/support/shop'
import { addToGuestCart, checkout } from '#tests/support/checkout'
import { lastDeliveredTo } from '#tests/support/mail'

async function placedOrder(client: any, email = 'fan@example.com') {
  const { smallOption, largeOption } = await artworkForSale()
  const { token } = await addToGuestCart(client, smallOption.id, 2)
  await addToGuestCart(client, largeOption.id, 1, token)
  const { placed } = await checkout(client, token!, { email })
  return { order: await Order.query().where('customer_email', email).firstOrFail(), link: placed!.header('location')! }
}

test.group('Admin: print orders', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the list filters by status and searches by number or email; the CSV has the same rows', async ({ client, assert }) => {
    const admin = await UserFactory.merge({ role: 'admin' }).create()
    const { order } = await placedOrder(client)
    await Order.create({ customerEmail: 'other@example.com', subtotal: 1000, totalAmount: 1000, currency: 'USD', status: 'cancelled' })

    const all = await client.get('/admin/orders').loginAs(admin)
    all.assertStatus(200)
    all.assertTextIncludes(order.orderNumber)
    all.assertTextIncludes('other@example.com')
    const pending = await client.get('/admin/orders').qs({ status: 'pending' }).loginAs(admin)
    assert.notInclude(pending.text(), 'other@example.com')
    const search = await client.get('/admin/orders').qs({ q: 'FAN@' }).loginAs(admin)
    search.assertTextIncludes(order.orderNumber)
    assert.notInclude(search.text(), 'other@example.com')

    const csv = await client.get('/admin/orders/export.csv').qs({ q: 'fan@' }).loginAs(admin)
    csv.assertHeader('content-type', 'text/csv; charset=utf-8')
    const lines = csv.text().trim().split('\r\n')
    assert.lengthOf(lines, 2)
    assert.include(lines[1], `"${order.orderNumber}"`)
    assert.include(lines[1], '"163.51"')
  })

  test('an admin ships an order with tracking: the customer is emailed and sees it', async ({ client, assert }) => {
    const admin = await UserFactory.merge({ role: 'admin' }).create()
    const { order, link } = await placedOrder(client)
    await order.merge({ status: 'paid' }).save()

    const noTracking = await client.post(`/admin/orders/${order.id}/status`).form({ to: 'shipped' }).loginAs(admin).withCsrfToken().redirects(0)
    noTracking.assertValidationError('trackingNumber', 'Enter the tracking number for the customer')
    ;(await client.post(`/admin/orders/${order.id}/status`).form({ to: 'in_production' }).loginAs(admin).withCsrfToken().redirects(0)).assertStatus(303)
    ;(await client.post(`/admin/orders/${order.id}/status`).form({ to: 'shipped', trackingNumber: '1Z999AA10123456784' }).loginAs(admin).withCsrfToken().redirects(0)).assertStatus(303)

    await order.refresh()
    assert.equal(order.status, 'shipped')
    assert.deepEqual(order.trackingNumbers, ['1Z999AA10123456784'])
    const items = await OrderItem.query().where('order_id', order.id)
    assert.isTrue(items.every((i) => i.trackingNumber === '1Z999AA10123456784' && i.fulfillmentStatus === 'shipped'))
    assert.include(lastDeliveredTo('fan@example.com').text!, '1Z999AA10123456784')
    ;(await client.get(link)).assertTextIncludes('1Z999AA10123456784')

    const detail = await client.get(`/admin/orders/${order.id}`).loginAs(admin)
    detail.assertTextIncludes('In production')
    const backwards = await client.post(`/admin/orders/${order.id}/status`).form({ to: 'in_production' }).loginAs(admin).withCsrfToken().redirects(0)
    assert.include(backwards.flashMessages().error, 'cannot go from shipped to in production')
  })

  test('the packing slip shows the address and prints without prices; customers cannot open the admin', async ({ client, assert }) => {
    const staff = await UserFactory.merge({ role: 'staff' }).create()
    const customer = await UserFactory.merge({ role: 'customer' }).create()
    const { order } = await placedOrder(client)
    const slip = await client.get(`/admin/orders/${order.id}/packing-slip`).loginAs(staff)
    slip.assertStatus(200)
    slip.assertTextIncludes('1 Rock Street')
    slip.assertTextIncludes('Electric Riff')
    assert.notInclude(slip.text(), '$25.00')
    ;(await client.get('/admin/orders').loginAs(customer)).assertStatus(403)
    ;(await client.get(`/admin/orders/${order.id}`).loginAs(customer)).assertStatus(403)
  })
})
