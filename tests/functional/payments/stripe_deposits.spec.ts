import { test } from '@japa/runner'
import PhotoSession from '#models/photo_session'
import Payment from '#models/payment'
import PaymentPlan from '#models/payment_plan'
import WebhookEvent from '#models/webhook_event'
import EmailLog from '#models/email_log'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { at, bookableStudio, familyWith, readyDraft } from '#tests/support/booking'
import { payOnHostedPage, useLocalStripe } from '#tests/support/stripe'
import { stripeGateway } from '#services/payments/gateway'

async function bookWithPlan(client: any) {
  const { pkg } = await bookableStudio()
  const { family, children } = await familyWith(1)
  const draft = await readyDraft(family, pkg, at(30, '10:00'), { childIds: [children[0].id], paymentOption: '3_pay' })
  const response = await client.post(`/book/${draft.id}/confirmation`).form({ total: 40000, dueNow: 10000 }).loginAs(family).withCsrfToken().redirects(0)
  const session = await PhotoSession.query().where('user_id', family.id).firstOrFail()
  const payment = await Payment.query().where('photo_session_id', session.id).firstOrFail()
  return { family, session, payment, response }
}

test.group('Stripe: booking deposits through Checkout', (group) => {
  let stripe: LocalStripe
  useLocalStripe(group, (started) => (stripe = started))

  test('a family pays the deposit on the hosted page: session confirmed, card kept for the plan, one receipt', async ({ client, assert }) => {
    const { family, session, payment, response } = await bookWithPlan(client)
    response.assertStatus(302)
    const checkoutUrl = response.header('location')
    assert.match(checkoutUrl, new RegExp(`^${stripe.url}/checkout/cs_test_`))
    assert.equal(payment.provider, 'stripe')
    assert.equal(payment.method, 'card')
    assert.equal(payment.providerPaymentId, checkoutUrl.split('/').pop())

    const paid = await payOnHostedPage(checkoutUrl)
    assert.include(paid.page, 'Demo card — no money moves')
    assert.include(paid.page, '$100.00')
    assert.equal(paid.status, 303)
    assert.match(paid.location!, new RegExp(`/portal/sessions/${session.id}$`))

    await payment.refresh()
    assert.equal(payment.status, 'succeeded')
    assert.match(payment.providerPaymentId!, /^pi_/)
    assert.match(payment.providerChargeId!, /^ch_/)
    await session.refresh()
    assert.equal(session.status, 'confirmed')
    assert.equal(session.balanceDue, 30_000)
    const plan = await PaymentPlan.query().where('photo_session_id', session.id).firstOrFail()
    await family.refresh()
    assert.match(family.stripeCustomerId!, /^cus_/)
    assert.equal(plan.stripeCustomerId, family.stripeCustomerId)
    assert.match(plan.stripePaymentMethodId!, /^pm_/)

    const events = await WebhookEvent.query().orderBy('type')
    assert.deepEqual(events.map((e) => [e.type, e.status]), [['checkout.session.completed', 'processed'], ['payment_intent.succeeded', 'processed']])
    const receipts = await EmailLog.query().where('to', family.email!).where('subject', 'like', 'Receipt:%')
    assert.lengthOf(receipts, 1)
    assert.include(receipts[0].subject, '$100.00')
  })

  test('StripeGateway.refund against the local server: part, same key again, the rest, then too much', async ({ client, assert }) => {
    const { payment, response } = await bookWithPlan(client)
    await payOnHostedPage(response.header('location'))
    await payment.refresh()
    assert.equal(payment.status, 'succeeded')
    const gateway = stripeGateway()!
    const part = await gateway.refund({ payment, amountCents: 2_500, reason: 'One print less', idempotencyKey: `${payment.id}:r1` })
    assert.equal(part.status, 'succeeded')
    const again = await gateway.refund({ payment, amountCents: 2_500, reason: 'One print less', idempotencyKey: `${payment.id}:r1` })
    assert.deepEqual(again, part)
    const rest = await gateway.refund({ payment, amountCents: 7_500, reason: 'Cancelled', idempotencyKey: `${payment.id}:r2` })
    assert.equal(rest.status, 'succeeded')
    assert.equal(stripe.paymentIntents.get(payment.providerPaymentId!)?.refunded_amount, 10_000)
    const tooMuch = await gateway.refund({ payment, amountCents: 100, reason: 'More', idempotencyKey: `${payment.id}:r3` })
    assert.deepInclude(tooMuch, { status: 'failed', failureCode: 'charge_already_refunded' })
  })

  test('a declined card stays on the hosted page with the bank\'s reason; nothing is paid', async ({ client, assert }) => {
    const { session, payment, response } = await bookWithPlan(client)
    const declined = await payOnHostedPage(response.header('location'), '4000 0000 0000 9995')
    assert.equal(declined.status, 402)
    assert.include(declined.body, 'Your card has insufficient funds.')
    await payment.refresh()
    assert.equal(payment.status, 'pending')
    await session.refresh()
    assert.equal(session.status, 'booked')
    assert.equal(session.balanceDue, 40_000)
  })
})
