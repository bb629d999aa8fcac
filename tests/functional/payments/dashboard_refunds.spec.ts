import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Invoice from '#models/invoice'
import Refund from '#models/refund'
import WebhookEvent from '#models/webhook_event'
import EmailLog from '#models/email_log'
import { PaymentFactory } from '#database/factories/payment_factory'
import { UserFactory } from '#database/factories/user_factory'
import RecordProviderRefund from '#actions/payments/record_provider_refund'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import type { LocalPaypal } from '#services/payments/local_paypal/server'
import type { PaypalGateway } from '#services/payments/paypal_gateway'
import { actors } from '#support/actor'
import { paidStripeDeposit, useLocalStripe } from '#tests/support/stripe'
import { approveOnPaypal, startPaypalOrder, usePaypalGateway } from '#tests/support/paypal'
import { refundInLoupe } from '#tests/support/refunds'

const refundMails = (email: string) => EmailLog.query().where('to', email).where('subject', 'like', 'Refund:%')

test.group('Refunds made in the Stripe dashboard', (group) => {
  let stripe: LocalStripe
  useLocalStripe(group, (started) => (stripe = started))

  test('are recorded once on the payment and invoice, the family emailed, however often Stripe delivers', async ({ client, assert }) => {
    const { family, payment } = await paidStripeDeposit(client, stripe)
    assert.isNotNull(payment.invoiceId)
    const [status, refund] = stripe.refundInDashboard(payment.providerPaymentId!, 2_500, 'duplicate')
    assert.equal(status, 200)
    await stripe.flushWebhooks()

    const rows = await Refund.query().where('payment_id', payment.id)
    assert.lengthOf(rows, 1)
    assert.deepInclude(rows[0].serialize(), { amount: 2_500, status: 'succeeded', providerRefundId: refund.id, actorId: null, reason: 'Refunded in the Stripe dashboard (duplicate)' })
    await payment.refresh()
    assert.equal(payment.status, 'partially_refunded')
    assert.equal(payment.refundAmount, 2_500)
    assert.equal((await Invoice.findOrFail(payment.invoiceId!)).refundedAmount, 2_500)
    assert.lengthOf(await refundMails(family.email!), 1)
    const admin = await UserFactory.apply('admin').create()
    const page = await client.get(`/admin/payments/${payment.id}`).loginAs(admin)
    page.assertTextIncludes('$25.00 refunded (Succeeded): Refunded in the Stripe dashboard (duplicate)')

    const event = stripe.events.findLast((e) => e.type === 'charge.refunded')!
    for (let i = 0; i < 2; i++) assert.equal(await stripe.deliver(event), 200)
    assert.deepEqual(await Promise.all([stripe.deliver(event), stripe.deliver(event)]), [200, 200])
    assert.lengthOf(await Refund.query().where('payment_id', payment.id), 1)
    await payment.refresh()
    assert.equal(payment.refundAmount, 2_500)
    assert.lengthOf(await refundMails(family.email!), 1)
    assert.equal((await WebhookEvent.findByOrFail('eventId', event.id)).status, 'processed')

    // The rest, refunded in the dashboard too: the payment now reads refunded.
    stripe.refundInDashboard(payment.providerPaymentId!, 7_500)
    await stripe.flushWebhooks()
    await payment.refresh()
    assert.equal(payment.status, 'refunded')
    assert.equal(payment.refundAmount, 10_000)
    assert.lengthOf(await Refund.query().where('payment_id', payment.id), 2)
    assert.equal((await Invoice.findOrFail(payment.invoiceId!)).refundedAmount, 10_000)
  })

  test('a refund an admin makes in Loupe is recorded once: its own charge.refunded adds nothing', async ({ client, assert }) => {
    const { family, payment } = await paidStripeDeposit(client, stripe)
    assert.isNotNull(payment.invoiceId)
    const admin = await UserFactory.apply('admin').create()
    ;(await refundInLoupe(client, admin, payment, '40.00', 'Shorter session')).assertStatus(303)
    await stripe.flushWebhooks()
    const event = stripe.events.findLast((e) => e.type === 'charge.refunded')!
    assert.equal(await stripe.deliver(event), 200)

    const rows = await Refund.query().where('payment_id', payment.id)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].actorId, admin.id)
    assert.equal(rows[0].reason, 'Shorter session')
    await payment.refresh()
    assert.equal(payment.refundAmount, 4_000)
    assert.lengthOf(await refundMails(family.email!), 1)
  })
})

test.group('Refunds made in the PayPal dashboard', (group) => {
  let paypal: LocalPaypal
  let gateway: PaypalGateway
  usePaypalGateway(group, (started, startedGateway) => {
    paypal = started
    gateway = startedGateway
  })

  /** A $100 PayPal payment captured and settled by PAYMENT.CAPTURE.COMPLETED. */
  async function capturedPayment() {
    const payment = await PaymentFactory.merge({ provider: 'paypal', providerPaymentId: null, amount: 10_000 }).create()
    const started = await startPaypalOrder(gateway, payment)
    await approveOnPaypal(started.url)
    const capture = await gateway.capture(started.providerPaymentId, `capture:${payment.id}`)
    if (capture.status !== 'succeeded') throw new Error('capture failed')
    await paypal.flushWebhooks()
    await payment.refresh()
    if (payment.status !== 'succeeded') throw new Error('the capture webhook should settle the payment')
    return { payment, captureId: capture.captureId }
  }

  test('PAYMENT.CAPTURE.REFUNDED from the dashboard is recorded once; a refund Loupe asked for is not recorded twice', async ({ client, assert }) => {
    const { payment, captureId } = await capturedPayment()
    const reply = paypal.refundInDashboard(captureId, 3_000)
    assert.equal(reply.status, 201)
    await paypal.flushWebhooks()
    const rows = await Refund.query().where('payment_id', payment.id)
    assert.lengthOf(rows, 1)
    assert.deepInclude(rows[0].serialize(), { amount: 3_000, status: 'succeeded', providerRefundId: (reply.body as any).id, reason: 'Refunded in the PayPal dashboard' })
    await payment.refresh()
    assert.equal(payment.status, 'partially_refunded')
    assert.equal(payment.refundAmount, 3_000)
    const events = await WebhookEvent.query().where('type', 'PAYMENT.CAPTURE.REFUNDED')
    assert.deepEqual(events.map((event) => event.status), ['processed'])

    const admin = await UserFactory.apply('admin').create()
    ;(await refundInLoupe(client, admin, payment, '20.00', 'Print reprinted')).assertStatus(303)
    await paypal.flushWebhooks()
    assert.lengthOf(await Refund.query().where('payment_id', payment.id), 2)
    await payment.refresh()
    assert.equal(payment.refundAmount, 5_000)
    assert.lengthOf(await WebhookEvent.query().where('type', 'PAYMENT.CAPTURE.REFUNDED').where('status', 'processed'), 2)
  })
})

test.group('RecordProviderRefund', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a provider refund larger than what is left writes nothing and says so', async ({ assert }) => {
    const payment = await PaymentFactory.merge({ provider: 'stripe', status: 'partially_refunded', amount: 5_000, refundAmount: 4_000 }).create()
    const result = await RecordProviderRefund.handle(actors.system('webhook:stripe'), payment, {
      providerRefundId: 're_too_much',
      amount: 2_000,
      status: 'succeeded',
      loupeKey: null,
      providerReason: null,
    })
    assert.deepEqual(result, { ok: false, reason: 'more_than_refundable' })
    assert.lengthOf(await Refund.query().where('payment_id', payment.id), 0)
    await payment.refresh()
    assert.equal(payment.refundAmount, 4_000)
  })
})
