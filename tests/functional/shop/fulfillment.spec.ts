import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ace from '@adonisjs/core/services/ace'
import { DateTime } from 'luxon'
import Order from '#models/order'
import OrderItem from '#models/order_item'
import CommandRun from '#models/command_run'
import SyncFulfillment from '#actions/shop/sync_fulfillment'
import FulfillmentSync from '#commands/fulfillment_sync'
import { artworkForSale } from '#tests/support/shop'
import { addToGuestCart, checkout } from '#tests/support/checkout'
import { useFakeLabs } from '#tests/support/fake_labs'
import { lastDeliveredTo } from '#tests/support/mail'
import { attentionOf } from '#tests/support/studio'
import MarkPaymentReceived from '#actions/payments/mark_payment_received'
import RefundPayment from '#actions/payments/refund_payment'
import Payment from '#models/payment'
import { UserFactory } from '#database/factories/user_factory'
import { actors } from '#support/actor'
import StudioSetting from '#models/studio_setting'
import AuditLog from '#models/audit_log'
import EmailLog from '#models/email_log'
import StatusChange from '#models/status_change'
import RecordLabUpdate from '#actions/shop/record_lab_update'
import { sqlTime } from '#support/db/sql_time'


/** A paid order past its review window: two 8x10s from Printful, one 11x14 from Gooten. */
async function orderForTheLabs(client: any) {
  const { smallOption, largeOption, small, large } = await artworkForSale()
  await small.merge({ printfulVariantId: '4011' }).save()
  await large.merge({ gootenVariantId: 'G-11X14' }).save()
  const { token } = await addToGuestCart(client, smallOption.id, 2)
  await addToGuestCart(client, largeOption.id, 1, token)
  await checkout(client, token!, { email: 'fan@example.com' })
  // Paid at the studio (the default gateway), then its review window runs out.
  const placed = await Order.query().preload('payments').firstOrFail()
  const desk = await UserFactory.apply('staff').create()
  await MarkPaymentReceived.handle(actors.user(desk), placed.payments[0], 'card')
  await placed.refresh()
  await placed.merge({ reviewEndsAt: DateTime.now().minus({ minutes: 1 }) }).save()
  const order = await Order.query().preload('items').where('id', placed.id).firstOrFail()
  if (order.status !== 'paid') throw new Error(`the desk payment left the order ${order.status}`)
  return order
}

test.group('Shop: fulfilment through the labs', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  const labs = useFakeLabs(group)

  test('after the review window each item goes to its variant’s lab with a signed, cropped print file', async ({ client, assert }) => {
    const order = await orderForTheLabs(client)
    const summary = await SyncFulfillment.handle()
    assert.deepEqual(summary.released, [order.orderNumber])
    assert.equal(summary.submitted, 2)
    assert.equal((await order.refresh()).status, 'in_production')

    assert.equal(labs.printful.orders.size, 1)
    assert.equal(labs.gooten.orders.size, 1)
    const items = await OrderItem.query().where('order_id', order.id).preload('productVariant')
    const toPrintful = items.find((i) => i.fulfillmentProvider === 'printful')!
    const toGooten = items.find((i) => i.fulfillmentProvider === 'gooten')!
    const sent = labs.printful.orders.get(toPrintful.id)!
    assert.equal(sent.body.items[0].variant_id, 4011)
    assert.equal(sent.body.items[0].quantity, 2)
    assert.equal(sent.body.recipient.zip, '94110')
    assert.equal(toPrintful.providerOrderId, String(sent.id))
    assert.equal(toGooten.providerOrderId, 'G-1')
    assert.equal(labs.gooten.orders.get(toGooten.id)!.body.Items[0].SKU, 'G-11X14')

    const fileUrl = new URL(sent.body.items[0].files[0].url)
    const file = await client.get(fileUrl.pathname + fileUrl.search)
    file.assertStatus(200)
    file.assertHeader('content-type', 'image/jpeg')
    file.assertHeader('content-disposition', `attachment; filename="${toPrintful.id}.jpg"`)
    ;(await client.get(fileUrl.pathname)).assertStatus(403)
  })

  test('errors, timeouts and lost answers are retried with back-off and never make a second lab order', async ({ client, assert }) => {
    await orderForTheLabs(client)
    labs.printful.failNext({ status: 503 }, { delayMs: 600 }, { afterCreate: true })
    labs.gooten.failNext({ status: 502 })
    const summary = await SyncFulfillment.handle()
    assert.equal(summary.submitted, 2)
    assert.deepEqual(summary.errors, [])
    assert.equal(labs.printful.orders.size, 1)
    assert.equal(labs.gooten.orders.size, 1)
    const posts = labs.printful.requests.filter((r) => r.method === 'POST').length
    assert.isAtLeast(posts, 3)
  })

  test('a lab that stays down leaves the item queued; the next run sends it once', async ({ client, assert }) => {
    await orderForTheLabs(client)
    labs.printful.failNext({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 })
    const first = await SyncFulfillment.handle()
    assert.lengthOf(first.errors, 1)
    const waiting = await OrderItem.query().where('fulfillment_provider', 'printful').firstOrFail()
    assert.equal(waiting.fulfillmentStatus, 'pending')
    const second = await SyncFulfillment.handle()
    assert.equal(second.submitted, 1)
    assert.equal(labs.printful.orders.size, 1)
    await Promise.all([SyncFulfillment.handle(), SyncFulfillment.handle()])
    assert.equal(labs.printful.orders.size, 1)
    assert.equal(labs.gooten.orders.size, 1)
  })

  test('fulfillment:sync records tracking, ships the order, emails the customer, and logs a command run; --dry-run writes nothing', async ({ client, assert }) => {
    const order = await orderForTheLabs(client)
    const dry = await ace.create(FulfillmentSync, ['--dry-run'])
    dry.ui.switchMode('raw')
    await dry.exec()
    assert.equal((await order.refresh()).status, 'paid')
    assert.equal(labs.printful.orders.size, 0)

    await SyncFulfillment.handle()
    const items = await OrderItem.query().where('order_id', order.id)
    labs.printful.ship(items.find((i) => i.fulfillmentProvider === 'printful')!.id, 'PF-TRACK-1')
    labs.gooten.ship(items.find((i) => i.fulfillmentProvider === 'gooten')!.id, 'GT-TRACK-2')

    const run = await ace.create(FulfillmentSync, [])
    run.ui.switchMode('raw')
    await run.exec()
    run.assertSucceeded()
    await order.refresh()
    assert.equal(order.status, 'shipped')
    assert.sameMembers(order.trackingNumbers!, ['PF-TRACK-1', 'GT-TRACK-2'])
    assert.include(lastDeliveredTo('fan@example.com').text!, 'PF-TRACK-1')
    const logged = await CommandRun.query().where('command', 'fulfillment:sync').orderBy('created_at', 'desc')
    assert.lengthOf(logged, 2)
    assert.equal(logged.find((r) => r.summary?.dry_run === false)!.summary!.shipped, 1)
  })
})

test.group('Shop: Printful webhooks', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    const { default: env } = await import('#start/env')
    env.set('PRINTFUL_WEBHOOK_SECRET', 'hook-secret-123')
  })

  test('a shipped package recorded by webhook ships the order once every item has left; a wrong token changes nothing', async ({ client, assert }) => {
    const order = await orderForTheLabs(client)
    await order.merge({ status: 'in_production' }).save()
    const items = await OrderItem.query().where('order_id', order.id)
    const printfulItem = items.find((i) => i.fulfillmentProvider === 'printful')!
    const gootenItem = items.find((i) => i.fulfillmentProvider === 'gooten')!
    const event = { type: 'package_shipped', data: { order: { external_id: printfulItem.id }, shipment: { tracking_number: 'PF-HOOK-1' } } }

    ;(await client.post('/webhooks/printful').qs({ token: 'wrong' }).json(event)).assertStatus(401)
    ;(await client.post('/webhooks/printful').json(event)).assertStatus(401)
    assert.isNull((await printfulItem.refresh()).trackingNumber)

    const first = await client.post('/webhooks/printful').qs({ token: 'hook-secret-123' }).json(event)
    first.assertBodyContains({ recorded: true })
    await client.post('/webhooks/printful').qs({ token: 'hook-secret-123' }).json(event)
    assert.equal((await printfulItem.refresh()).trackingNumber, 'PF-HOOK-1')
    assert.equal((await order.refresh()).status, 'in_production')

    await gootenItem.merge({ fulfillmentStatus: 'shipped', trackingNumber: 'GT-1' }).save()
    await client.post('/webhooks/printful').qs({ token: 'hook-secret-123' }).json(event)
    assert.equal((await order.refresh()).status, 'shipped')
    assert.sameMembers(order.trackingNumbers!, ['PF-HOOK-1', 'GT-1'])
  })
})

test.group('Shop: lab orders left halfway or ended by the labs', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  const labs = useFakeLabs(group)

  /** As a run that died between claiming the item and storing the lab's answer leaves it. */
  async function claimedAndDropped(itemId: string, minutesAgo: number) {
    await OrderItem.query()
      .where('id', itemId)
      .update({ fulfillment_status: 'submitted', provider_order_id: null, submitted_at: sqlTime(DateTime.now().minus({ minutes: minutesAgo })) })
  }

  const labItems = async (order: Order) => {
    const items = await OrderItem.query().where('order_id', order.id)
    return { toPrintful: items.find((i) => i.fulfillmentProvider === 'printful')!, toGooten: items.find((i) => i.fulfillmentProvider === 'gooten')! }
  }

  test('a claim left without a lab order past the grace period is sent exactly once by the next runs, even two at once', async ({ client, assert }) => {
    const order = await orderForTheLabs(client)
    const { toPrintful } = await labItems(order)
    await claimedAndDropped(toPrintful.id, 11)

    await Promise.all([SyncFulfillment.handle(), SyncFulfillment.handle()])
    assert.lengthOf(labs.printful.requests.filter((r) => r.method === 'POST'), 1)
    assert.equal(labs.printful.orders.size, 1)
    assert.equal(labs.gooten.orders.size, 1)
    await toPrintful.refresh()
    assert.equal(toPrintful.providerOrderId, String(labs.printful.orders.get(toPrintful.id)!.id))
    assert.equal(toPrintful.fulfillmentStatus, 'submitted')
  })

  test('a fresh claim is left to the run that holds it', async ({ client, assert }) => {
    const order = await orderForTheLabs(client)
    const { toPrintful } = await labItems(order)
    await claimedAndDropped(toPrintful.id, 2)

    const summary = await SyncFulfillment.handle()
    assert.equal(summary.submitted, 1)
    assert.lengthOf(labs.printful.requests, 0)
    await toPrintful.refresh()
    assert.equal(toPrintful.fulfillmentStatus, 'submitted')
    assert.isNull(toPrintful.providerOrderId)
  })

  test('a re-sent item whose lab order was made after all adopts it instead of making a second', async ({ client, assert }) => {
    const order = await orderForTheLabs(client)
    await SyncFulfillment.handle()
    const { toPrintful, toGooten } = await labItems(order)
    await claimedAndDropped(toPrintful.id, 30)
    await claimedAndDropped(toGooten.id, 30)
    const posts = labs.printful.requests.filter((r) => r.method === 'POST').length

    const summary = await SyncFulfillment.handle()
    assert.equal(summary.submitted, 2)
    assert.deepEqual(summary.errors, [])
    assert.equal(labs.printful.orders.size, 1)
    assert.equal(labs.gooten.orders.size, 1)
    // Printful is asked by our id first; Gooten answers the repeated SourceId with its order.
    assert.equal(labs.printful.requests.filter((r) => r.method === 'POST').length, posts)
    assert.equal((await toPrintful.refresh()).providerOrderId, String(labs.printful.orders.get(toPrintful.id)!.id))
    assert.equal((await toGooten.refresh()).providerOrderId, 'G-1')
  })

  test('a refunded order is cancelled at the labs that have not started printing; the one that has is named to the studio', async ({ client, assert }) => {
    const order = await orderForTheLabs(client)
    await SyncFulfillment.handle()
    const items = await OrderItem.query().where('order_id', order.id)
    const toPrintful = items.find((i) => i.fulfillmentProvider === 'printful')!
    const toGooten = items.find((i) => i.fulfillmentProvider === 'gooten')!
    labs.printful.startPrinting(toPrintful.id)

    const admin = await UserFactory.apply('admin').create()
    const payment = await Payment.query().where('order_id', order.id).firstOrFail()
    assert.isTrue((await RefundPayment.handle(actors.user(admin), payment, { amount: payment.refundable, reason: 'Changed their mind', idempotencyKey: 'whole-order' })).ok)
    assert.equal((await order.refresh()).status, 'refunded')

    const dry = await SyncFulfillment.handle({ dryRun: true })
    assert.sameMembers(dry.labCancelled, [order.orderNumber, order.orderNumber])
    assert.equal(labs.gooten.orders.get(toGooten.id)!.Items[0].Status, 'Received')

    const summary = await SyncFulfillment.handle()
    assert.deepEqual(summary.labCancelled, [order.orderNumber])
    assert.equal(labs.gooten.orders.get(toGooten.id)!.Items[0].Status, 'Cancelled')
    assert.equal((await toGooten.refresh()).fulfillmentStatus, 'cancelled')
    assert.equal(labs.printful.orders.get(toPrintful.id)!.status, 'inprocess')
    assert.equal((await toPrintful.refresh()).fulfillmentStatus, 'in_production')
    assert.lengthOf(summary.errors, 1)
    assert.include(summary.errors[0], `${order.orderNumber}: printful would not cancel its lab order ${toPrintful.providerOrderId}`)
    assert.include((await attentionOf(client, admin)).text, `Refunded, still at the lab ${order.orderNumber} · still open at printful`)

    // Once shipped, the lab order is left alone; the cancelled one is not asked again.
    labs.printful.ship(toPrintful.id, 'TRACK-1')
    const later = await SyncFulfillment.handle()
    assert.deepEqual(later.labCancelled, [])
    assert.deepEqual(later.errors, [])
    assert.equal((await toPrintful.refresh()).fulfillmentStatus, 'shipped')
    assert.equal((await order.refresh()).status, 'refunded')
    assert.notInclude((await attentionOf(client, admin)).text, order.orderNumber)
  })

  test('when the labs cancel every item the order waits for the studio, which is told once', async ({ client, assert }) => {
    const settings = await StudioSetting.current()
    await settings.merge({ email: 'studio@example.com' }).save()
    const order = await orderForTheLabs(client)
    await SyncFulfillment.handle()
    const { toPrintful, toGooten } = await labItems(order)
    labs.printful.orders.get(toPrintful.id)!.status = 'canceled'
    labs.gooten.orders.get(toGooten.id)!.Items[0].Status = 'Cancelled'

    const [first, second] = await Promise.all([SyncFulfillment.handle(), SyncFulfillment.handle()])
    const third = await SyncFulfillment.handle()
    assert.deepEqual([...first.flagged, ...second.flagged, ...third.flagged], [order.orderNumber])
    await order.refresh()
    assert.equal(order.status, 'in_production')
    assert.isNotNull(order.labsCancelledAt)
    assert.include(order.notes!, 'cancelled by its lab')
    assert.lengthOf(await EmailLog.query().where('to', 'studio@example.com'), 1)
    assert.include(lastDeliveredTo('studio@example.com').subject, order.orderNumber)
    assert.lengthOf(await AuditLog.query().where('action', 'order.labs_cancelled').where('subject_id', order.id), 1)
  })

  test('a lab reporting delivered moves a shipped order to delivered once every item is', async ({ client, assert }) => {
    const order = await orderForTheLabs(client)
    await SyncFulfillment.handle()
    const { toPrintful, toGooten } = await labItems(order)
    labs.printful.ship(toPrintful.id, 'PF-TRACK-1')
    labs.gooten.ship(toGooten.id, 'GT-TRACK-2')
    await SyncFulfillment.handle()
    assert.equal((await order.refresh()).status, 'shipped')

    labs.gooten.orders.get(toGooten.id)!.Items[0] = { Status: 'Delivered', TrackingNumber: 'GT-TRACK-2' }
    const polled = await SyncFulfillment.handle()
    assert.equal((await toGooten.refresh()).fulfillmentStatus, 'delivered')
    assert.deepEqual(polled.delivered, [])
    assert.equal((await order.refresh()).status, 'shipped')

    await RecordLabUpdate.handle('printful', toPrintful.id, { status: 'delivered', trackingNumber: null })
    await RecordLabUpdate.handle('printful', toPrintful.id, { status: 'delivered', trackingNumber: null })
    await order.refresh()
    assert.equal(order.status, 'delivered')
    assert.isNotNull(order.deliveredAt)
    const moves = await StatusChange.query().where('subject_id', order.id).where('to_status', 'delivered')
    assert.lengthOf(moves, 1)
    assert.equal(moves[0].fromStatus, 'shipped')
  })
})
