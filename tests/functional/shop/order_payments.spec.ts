import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Order from '#models/order'
import Payment from '#models/payment'
import SyncFulfillment from '#actions/shop/sync_fulfillment'
import MarkPaymentReceived from '#actions/payments/mark_payment_received'
import RefundPayment from '#actions/payments/refund_payment'
import { actors } from '#support/actor'
import { UserFactory } from '#database/factories/user_factory'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { artworkForSale } from '#tests/support/shop'
import { placeGuestOrder } from '#tests/support/checkout'
import { payOnHostedPage, useLocalStripe } from '#tests/support/stripe'
import { lastDeliveredTo } from '#tests/support/mail'
import StudioSetting from '#models/studio_setting'
import EmailLog from '#models/email_log'

/** The signed "Cancel this order" action on the order's page, posted as the customer would: the message it flashes. */
async function cancelFromOrderPage(client: any, order: Order) {
  const { orderUrl } = await import('#actions/shop/confirm_order')
  const page = await client.get(orderUrl(order))
  const action = page.text().match(/action="([^"]*\/cancellation[^"]*)"/)![1].replace(/&amp;/g, '&')
  const response = await client.post(action).withCsrfToken().redirects(0)
  response.assertStatus(302)
  return response.flashMessages().success as string | undefined
}

/** A guest's order of two small prints, placed through the checkout form. */
async function placeOrder(client: any) {
  const { smallOption } = await artworkForSale()
  return placeGuestOrder(client, smallOption.id)
}

/** The order's state changes, oldest first, as its history records them. */
async function historyOf(order: Order) {
  const rows = await db.from('status_changes').where('subject_type', 'Order').where('subject_id', order.id).orderBy('created_at').orderBy('to_status')
  return rows.map((row) => `${row.from_status}→${row.to_status}`)
}

test.group('Shop: a card payment pays the order', (group) => {
  let stripe: LocalStripe
  useLocalStripe(group, (started) => (stripe = started))

  test('a guest pays on the hosted page: the order is paid once, and goes to print when its review window closes', async ({ client, assert }) => {
    const { order, payment, payAt } = await placeOrder(client)
    assert.match(payAt, new RegExp(`^${stripe.url}/checkout/cs_test_`))
    assert.equal(order.status, 'pending')

    const paid = await payOnHostedPage(payAt)
    assert.equal(paid.status, 303)
    await stripe.flushWebhooks()

    await payment.refresh()
    assert.equal(payment.status, 'succeeded')
    await order.refresh()
    assert.equal(order.status, 'paid')
    assert.isNotNull(order.paidAt)
    // Both of Checkout's events arrived; the order moved once.
    assert.deepEqual(await historyOf(order), ['pending→paid'])
    // The guest's receipt names the order and links to it (no account to sign in to).
    const receipt = lastDeliveredTo('guest@example.com')
    assert.equal(receipt.subject, `Receipt: $61.63 for order ${order.orderNumber}`)
    assert.include(receipt.text!, `/orders/${order.id}?signature=`)
    assert.lengthOf(await EmailLog.query().where('subject', receipt.subject), 1)

    // Still inside the review window: nothing goes to print yet.
    assert.deepEqual((await SyncFulfillment.handle()).released, [])
    const closed = await SyncFulfillment.handle({ now: order.reviewEndsAt!.plus({ minutes: 1 }) })
    assert.deepEqual(closed.released, [order.orderNumber])
    await order.refresh()
    assert.equal(order.status, 'in_production')
  })

  test('cancelled in its review window, a card-paid order is refunded in full through Stripe, once', async ({ client, assert }) => {
    const { order, payment, payAt } = await placeOrder(client)
    await payOnHostedPage(payAt)
    await stripe.flushWebhooks()
    await payment.refresh()

    const said = await cancelFromOrderPage(client, order)
    assert.equal(said, `Order ${order.orderNumber} is cancelled. $61.63 is on its way back to your card.`)
    await stripe.flushWebhooks()
    await order.refresh()
    assert.equal(order.status, 'cancelled')
    await payment.refresh()
    assert.equal(payment.status, 'refunded')
    assert.equal(stripe.paymentIntents.get(payment.providerPaymentId!)?.refunded_amount, 6_163)

    // Cancelling again (a second tab) refunds nothing more.
    const { cancellationUrl } = await import('#controllers/site/shop/order_cancellations_controller')
    ;(await client.post(cancellationUrl(order)).withCsrfToken().redirects(0)).assertStatus(302)
    await stripe.flushWebhooks()
    assert.equal(stripe.paymentIntents.get(payment.providerPaymentId!)?.refunded_amount, 6_163)
    assert.lengthOf(await db.from('refunds').where('payment_id', payment.id), 1)
    // The guest is told once, with the way back to the order.
    const told = lastDeliveredTo('guest@example.com')
    assert.lengthOf(await EmailLog.query().where('subject', `Order ${order.orderNumber} is cancelled`), 1)
    assert.include(told.text!, '$61.63 is on its way back to the card you paid with')
    assert.include(told.text!, `/orders/${order.id}?signature=`)
  })

  test('a declined card leaves the order pending', async ({ client, assert }) => {
    const { order, payAt } = await placeOrder(client)
    const declined = await payOnHostedPage(payAt, '4000 0000 0000 0002')
    assert.equal(declined.status, 402)
    await stripe.flushWebhooks()
    await order.refresh()
    assert.equal(order.status, 'pending')
    assert.deepEqual(await historyOf(order), [])
  })
})

test.group('Shop: paid at the studio, refunded', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the desk takes the payment: the order is paid, and a second tap changes nothing', async ({ client, assert }) => {
    const { order, payment } = await placeOrder(client)
    assert.equal(payment.provider, 'offline')
    const staff = await UserFactory.apply('staff').create()

    const first = await MarkPaymentReceived.handle(actors.user(staff), payment, 'card')
    assert.isTrue(first.ok)
    const again = await MarkPaymentReceived.handle(actors.user(staff), await Payment.findOrFail(payment.id), 'card')
    assert.deepEqual(again, { ok: false, reason: 'not_pending' })

    await order.refresh()
    assert.equal(order.status, 'paid')
    const history = await db.from('status_changes').where('subject_type', 'Order').where('subject_id', order.id)
    assert.lengthOf(history, 1)
    assert.equal(history[0].actor_id, staff.id)
    assert.equal(history[0].note, 'Paid at the studio')
  })

  test('paid at the studio then cancelled in the window: the studio is emailed to give the money back', async ({ client, assert }) => {
    const { order, payment } = await placeOrder(client)
    const settings = await StudioSetting.current()
    settings.email = 'desk@loupe.test'
    await settings.save()
    await MarkPaymentReceived.handle(actors.user(await UserFactory.apply('staff').create()), payment, 'cash')

    const said = await cancelFromOrderPage(client, order)
    assert.equal(said, `Order ${order.orderNumber} is cancelled. The studio will give back the $61.63 you paid there.`)
    const notice = lastDeliveredTo('desk@loupe.test')
    assert.equal(notice.subject, `Refund to make: order ${order.orderNumber} was cancelled`)
    assert.include(notice.text!, '$61.63 (paid at the studio by cash)')
    await payment.refresh()
    assert.equal(payment.status, 'succeeded')
    // The guest has no portal: the email says the cancellation and who gives the money back.
    const told = await EmailLog.query().where('to', 'guest@example.com').where('subject', `Order ${order.orderNumber} is cancelled`)
    assert.lengthOf(told, 1)
    assert.include(told[0].text!, 'The studio gives back the $61.63 you paid there, the way you paid (cash or the card terminal).')
  })

  test('cancelled before paying, twice over: one email, which says nothing was charged', async ({ client, assert }) => {
    const { order } = await placeOrder(client)
    assert.equal(await cancelFromOrderPage(client, order), `Order ${order.orderNumber} is cancelled.`)
    const { cancellationUrl } = await import('#controllers/site/shop/order_cancellations_controller')
    const again = await client.post(cancellationUrl(order)).withCsrfToken().redirects(0)
    again.assertStatus(302)
    assert.match(String(again.flashMessages().error), /review window has closed/)
    const told = await EmailLog.query().where('to', 'guest@example.com').where('subject', `Order ${order.orderNumber} is cancelled`)
    assert.lengthOf(told, 1)
    assert.include(told[0].text!, 'Nothing was charged.')
    assert.notInclude(told[0].text!, 'on its way back')
  })

  test('a partial refund leaves the order paid; refunding the rest refunds the order', async ({ client, assert }) => {
    const { order, payment } = await placeOrder(client)
    const admin = await UserFactory.apply('admin').create()
    await MarkPaymentReceived.handle(actors.user(admin), payment, 'cash')
    await payment.refresh()

    const part = await RefundPayment.handle(actors.user(admin), payment, { amount: 1_000, reason: 'One print scuffed', idempotencyKey: 'r1' })
    assert.isTrue(part.ok)
    await order.refresh()
    assert.equal(order.status, 'paid')

    await payment.refresh()
    const rest = await RefundPayment.handle(actors.user(admin), payment, { amount: payment.refundable, reason: 'Order cancelled', idempotencyKey: 'r2' })
    assert.isTrue(rest.ok)
    await order.refresh()
    assert.equal(order.status, 'refunded')
    assert.isNotNull(order.refundedAt)
    assert.deepEqual(await historyOf(order), ['pending→paid', 'paid→refunded'])
    // A refunded order is not sent to print.
    assert.deepEqual((await SyncFulfillment.handle({ now: DateTime.now().plus({ days: 1 }) })).released, [])
  })
})
