import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import Order from '#models/order'
import OrderItem from '#models/order_item'
import StatusChange from '#models/status_change'
import MarkPaymentReceived from '#actions/payments/mark_payment_received'
import { UserFactory } from '#database/factories/user_factory'
import { actors } from '#support/actor'
import { artworkForSale } from '#tests/support/shop'
import { addToGuestCart, checkout } from '#tests/support/checkout'
import { lastDeliveredTo } from '#tests/support/mail'

/** A paid order in production: two 8x10s from Printful and one 11x14 printed in house. */
async function orderInProduction(client: ApiClient, email: string) {
  const { small, smallOption, largeOption } = await artworkForSale()
  await small.merge({ printfulVariantId: '4011' }).save()
  const { token } = await addToGuestCart(client, smallOption.id, 2)
  await addToGuestCart(client, largeOption.id, 1, token)
  await checkout(client, token!, { email })
  const order = await Order.query().where('customer_email', email).preload('payments').firstOrFail()
  const desk = await UserFactory.apply('staff').create()
  await MarkPaymentReceived.handle(actors.user(desk), order.payments[0], 'card')
  await order.refresh()
  if (!(await order.startProduction({ actor: actors.user(desk) }))) throw new Error(`the order is ${order.status}, not paid`)
  const items = await OrderItem.query().where('order_id', order.id)
  return { order, inHouse: items.find((i) => i.fulfillmentProvider === 'in_house')!, lab: items.find((i) => i.fulfillmentProvider === 'printful')! }
}

test.group('Admin: the in-house print queue', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('staff see in-house prints of orders in production with a working print file; lab prints are not listed; customers are refused', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const customer = await UserFactory.apply('customer').create()
    const { order, inHouse } = await orderInProduction(client, 'queue@example.com')

    const page = await client.get('/admin/print-queue').loginAs(staff)
    page.assertStatus(200)
    page.assertTextIncludes(order.orderNumber)
    page.assertTextIncludes(`/admin/orders/${order.id}`)
    page.assertTextIncludes('Joan Jett')
    page.assertTextIncludes('11x14 giclée, cotton rag')
    assert.notInclude(page.text(), '8x10 print, lustre')
    assert.lengthOf(page.text().match(/Download print file/g) ?? [], 1)

    const href = page.text().match(/href="([^"]*\/print-files\/[^"]+)"/)![1].replaceAll('&amp;', '&')
    const link = new URL(href, 'http://localhost')
    const file = await client.get(link.pathname + link.search)
    file.assertStatus(200)
    file.assertHeader('content-type', 'image/jpeg')
    file.assertHeader('content-disposition', `attachment; filename="${inHouse.id}.jpg"`)

    ;(await client.get('/admin/print-queue').loginAs(customer)).assertStatus(403)
    ;(await client.post(`/admin/order-items/${inHouse.id}/print`).loginAs(customer).withCsrfToken().redirects(0)).assertStatus(403)
    assert.equal((await inHouse.refresh()).fulfillmentStatus, 'pending')
  })

  test('printed, then shipped with tracking: the last item out ships the order and emails the customer', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { order, inHouse, lab } = await orderInProduction(client, 'ship@example.com')
    await lab.merge({ fulfillmentStatus: 'shipped', trackingNumber: 'PF-1' }).save()

    const early = await client.post(`/admin/order-items/${inHouse.id}/shipment`).form({ trackingNumber: 'STUDIO-1' }).loginAs(admin).withCsrfToken().redirects(0)
    assert.include(early.flashMessages().error, 'not waiting to ship')
    const printed = await client.post(`/admin/order-items/${inHouse.id}/print`).loginAs(admin).withCsrfToken().redirects(0)
    printed.assertStatus(303)
    printed.assertHeader('location', '/admin/print-queue')
    assert.equal((await inHouse.refresh()).fulfillmentStatus, 'in_production')
    ;(await client.get('/admin/print-queue').loginAs(admin)).assertTextIncludes('Mark shipped')

    const shipped = await client.post(`/admin/order-items/${inHouse.id}/shipment`).form({ trackingNumber: 'STUDIO-1' }).loginAs(admin).withCsrfToken().redirects(0)
    shipped.assertStatus(303)
    assert.include(shipped.flashMessages().success, 'the customer has been emailed')
    await inHouse.refresh()
    assert.equal(inHouse.fulfillmentStatus, 'shipped')
    assert.equal(inHouse.trackingNumber, 'STUDIO-1')
    await order.refresh()
    assert.equal(order.status, 'shipped')
    assert.sameMembers(order.trackingNumbers!, ['PF-1', 'STUDIO-1'])
    assert.equal(lastDeliveredTo('ship@example.com').subject, `Your prints are on their way: ${order.orderNumber}`)
    const history = await StatusChange.query().where('subject_type', 'OrderItem').where('subject_id', inHouse.id).orderBy('created_at')
    assert.deepEqual(history.map((h) => [h.toStatus, h.actorId]), [['in_production', admin.id], ['shipped', admin.id]])

    const empty = await client.get('/admin/print-queue').loginAs(admin)
    empty.assertTextIncludes('Nothing to print')
  })

  test('shipping without a tracking number is refused with a message and writes nothing; a lab’s item is not the queue’s', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const { order, inHouse, lab } = await orderInProduction(client, 'blank@example.com')
    ;(await client.post(`/admin/order-items/${inHouse.id}/print`).loginAs(staff).withCsrfToken().redirects(0)).assertStatus(303)

    const blank = await client.post(`/admin/order-items/${inHouse.id}/shipment`).form({ item: inHouse.id, trackingNumber: '  ' }).loginAs(staff).withCsrfToken().redirects(0)
    blank.assertValidationError('trackingNumber', 'Enter the tracking number for the customer')
    await inHouse.refresh()
    assert.equal(inHouse.fulfillmentStatus, 'in_production')
    assert.isNull(inHouse.trackingNumber)
    assert.equal((await order.refresh()).status, 'in_production')
    assert.lengthOf(await StatusChange.query().where('subject_id', inHouse.id).where('to_status', 'shipped'), 0)

    ;(await client.post(`/admin/order-items/${lab.id}/print`).loginAs(staff).withCsrfToken().redirects(0)).assertStatus(404)
    ;(await client.post(`/admin/order-items/${lab.id}/shipment`).form({ trackingNumber: 'X-1' }).loginAs(staff).withCsrfToken().redirects(0)).assertStatus(404)
    assert.equal((await lab.refresh()).fulfillmentStatus, 'pending')
  })
})
