import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { randomUUID } from 'node:crypto'
import Invoice from '#models/invoice'
import Order from '#models/order'
import Payment from '#models/payment'
import Refund from '#models/refund'
import EmailLog from '#models/email_log'
import type User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { artworkForSale } from '#tests/support/shop'
import { placeGuestOrder } from '#tests/support/checkout'
import { payOnHostedPage, useLocalStripe } from '#tests/support/stripe'
import { lastDeliveredTo, linkIn } from '#tests/support/mail'
import { refundInLoupe } from '#tests/support/refunds'

const GUEST = 'guest@example.com'

/** The one email logged to the guest whose subject starts so: failing when there are none or several. */
async function onlyMailToGuest(assert: any, subject: string) {
  const mails = await EmailLog.query().where('to', GUEST).where('subject', 'like', `${subject}%`)
  assert.lengthOf(mails, 1, `one "${subject}…" email to the guest`)
  return mails[0]
}

/** "Received at the desk" on the payment, as the studio's form sends it. */
function receiveAtDesk(client: any, desk: User, payment: Payment, method: 'cash' | 'card' | 'bank_transfer') {
  return client.post(`/admin/payments/${payment.id}/receipt`).form({ method }).loginAs(desk).withCsrfToken().redirects(0)
}

/** The guest's refund email opens their order and their invoice by signed links, kept masked in the studio's log. */
async function assertRefundLinks(client: any, assert: any, order: Order, invoice: Invoice) {
  const mail = lastDeliveredTo(GUEST, 'Refund:')
  const toInvoice = linkIn(mail, `/invoices/${invoice.id}`)
  const toOrder = linkIn(mail, `/orders/${order.id}`)
  ;(await client.get(toInvoice)).assertStatus(200)
  ;(await client.get(toOrder)).assertStatus(200)
  const logged = await EmailLog.query().where('to', GUEST).where('subject', mail.subject).firstOrFail()
  assert.notInclude(logged.text!, new URL(toInvoice, 'http://x').searchParams.get('signature')!)
}

test.group('A guest’s order paid at the studio: the guest’s emails', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the desk takes the payment: the guest gets one receipt naming the invoice, however often it is tapped', async ({ client, assert }) => {
    const { smallOption } = await artworkForSale()
    const { order, payment } = await placeGuestOrder(client, smallOption.id)
    const desk = await UserFactory.apply('photographer').create()

    ;(await receiveAtDesk(client, desk, payment, 'cash')).assertStatus(303)
    ;(await receiveAtDesk(client, desk, payment, 'cash')).assertStatus(303)

    await order.refresh()
    assert.equal(order.status, 'paid')
    const invoice = await Invoice.query().where('order_id', order.id).firstOrFail()
    const logged = await onlyMailToGuest(assert, 'Receipt:')
    assert.equal(logged.subject, `Receipt: $61.63 for order ${order.orderNumber}`)
    const receipt = lastDeliveredTo(GUEST)
    assert.include(receipt.text!, `We received $61.63 in cash at the studio for order ${order.orderNumber}`)
    assert.include(receipt.text!, `Invoice ${invoice.number}`)
    const page = await client.get(linkIn(receipt, `/invoices/${invoice.id}`))
    page.assertStatus(200)
    page.assertTextIncludes(`Invoice ${invoice.number}`)
  })

  test('an admin refunds part of it: the guest gets one refund email with the amount, the reason and their links, however often the form is sent', async ({ client, assert }) => {
    const { smallOption } = await artworkForSale()
    const { order, payment } = await placeGuestOrder(client, smallOption.id)
    const admin = await UserFactory.apply('admin').create()
    ;(await receiveAtDesk(client, admin, payment, 'cash')).assertStatus(303)
    const invoice = await Invoice.query().where('order_id', order.id).firstOrFail()

    const key = randomUUID()
    const refunded = await refundInLoupe(client, admin, payment, '10.00', 'One print scuffed', key)
    refunded.assertStatus(303)
    assert.equal(refunded.flashMessages().success, '$10.00 refunded; the customer is emailed.')
    ;(await refundInLoupe(client, admin, payment, '10.00', 'One print scuffed', key)).assertStatus(303)

    assert.lengthOf(await Refund.query().where('payment_id', payment.id), 1)
    await payment.refresh()
    assert.equal(payment.status, 'partially_refunded')
    const mail = await onlyMailToGuest(assert, 'Refund:')
    assert.equal(mail.subject, `Refund: $10.00 on invoice ${invoice.number}`)
    assert.include(mail.text!, 'We are refunding $10.00 of your payment of $61.63')
    assert.include(mail.text!, 'One print scuffed')
    assert.include(mail.text!, 'The studio hands it back to you the way you paid')
    await assertRefundLinks(client, assert, order, invoice)
  })
})

test.group('A guest’s order paid by card: the guest’s refund emails', (group) => {
  let stripe: LocalStripe
  useLocalStripe(group, (started) => (stripe = started))

  async function paidByCard(client: any) {
    const { smallOption } = await artworkForSale()
    const { order, payment, payAt } = await placeGuestOrder(client, smallOption.id)
    await payOnHostedPage(payAt)
    await stripe.flushWebhooks()
    await payment.refresh()
    const invoice = await Invoice.query().where('order_id', order.id).firstOrFail()
    return { order, payment, invoice }
  }

  test('refunded in the Stripe dashboard: one refund email to the guest, however often Stripe delivers', async ({ client, assert }) => {
    const { order, payment, invoice } = await paidByCard(client)
    const [status] = stripe.refundInDashboard(payment.providerPaymentId!, 2_000, 'requested_by_customer')
    assert.equal(status, 200)
    await stripe.flushWebhooks()
    const event = stripe.events.findLast((e) => e.type === 'charge.refunded')!
    assert.deepEqual(await Promise.all([stripe.deliver(event), stripe.deliver(event)]), [200, 200])
    assert.equal(await stripe.deliver(event), 200)

    const mail = await onlyMailToGuest(assert, 'Refund:')
    assert.equal(mail.subject, `Refund: $20.00 on invoice ${invoice.number}`)
    assert.include(mail.text!, 'Refunded in the Stripe dashboard (requested by customer)')
    assert.include(mail.text!, 'It goes back to the card you paid with')
    await assertRefundLinks(client, assert, order, invoice)
  })

  test('the guest cancels in the review window: one refund email for the whole order, however often they cancel', async ({ client, assert }) => {
    const { order, invoice } = await paidByCard(client)
    const { cancellationUrl } = await import('#controllers/site/shop/order_cancellations_controller')
    ;(await client.post(cancellationUrl(order)).withCsrfToken().redirects(0)).assertStatus(302)
    ;(await client.post(cancellationUrl(order)).withCsrfToken().redirects(0)).assertStatus(302)
    await stripe.flushWebhooks()

    await order.refresh()
    assert.equal(order.status, 'cancelled')
    const mail = await onlyMailToGuest(assert, 'Refund:')
    assert.equal(mail.subject, `Refund: $61.63 on invoice ${invoice.number}`)
    assert.include(mail.text!, 'Order cancelled in the review window')
    await assertRefundLinks(client, assert, order, invoice)
  })
})
