import { test } from '@japa/runner'
import Stripe from 'stripe'
import PhotoSession from '#models/photo_session'
import Payment from '#models/payment'
import WebhookEvent from '#models/webhook_event'
import EmailLog from '#models/email_log'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { at, bookableStudio, familyWith, readyDraft } from '#tests/support/booking'
import { payOnHostedPage, useLocalStripe } from '#tests/support/stripe'

/** A deposit paid on the hosted page while Loupe heard nothing (webhooks held back), and the events Stripe made. */
async function paidUnheard(client: any, stripe: LocalStripe) {
  const { pkg } = await bookableStudio()
  const { family, children } = await familyWith(1)
  const draft = await readyDraft(family, pkg, at(30, '10:00'), { childIds: [children[0].id], paymentOption: 'deposit' })
  const response = await client.post(`/book/${draft.id}/confirmation`).form({ total: 40000, dueNow: 10000 }).loginAs(family).withCsrfToken().redirects(0)
  const url = stripe.webhookUrl
  stripe.webhookUrl = null
  await payOnHostedPage(response.header('location'))
  stripe.webhookUrl = url
  const session = await PhotoSession.query().where('user_id', family.id).firstOrFail()
  const payment = await Payment.query().where('photo_session_id', session.id).firstOrFail()
  const event = (type: string) => stripe.events.findLast((e) => e.type === type)!
  return { family, session, payment, completed: event('checkout.session.completed'), succeeded: event('payment_intent.succeeded') }
}

const receiptsTo = (email: string) => EmailLog.query().where('to', email).where('subject', 'like', 'Receipt:%')

test.group('Stripe webhooks', (group) => {
  let stripe: LocalStripe
  useLocalStripe(group, (started) => (stripe = started))

  test('a missing or wrong signature is 400 and stores nothing', async ({ client, assert }) => {
    const { payment, completed } = await paidUnheard(client, stripe)
    const payload = JSON.stringify(completed)
    const missing = await client.post('/webhooks/stripe').header('content-type', 'application/json').json(completed)
    missing.assertStatus(400)
    const forged = new Stripe('sk_test_x').webhooks.generateTestHeaderString({ payload, secret: 'whsec_someone_else' })
    assert.equal(await stripe.deliver(completed, { signature: forged }), 400)
    // Signed for another body: the raw body is what is checked.
    const signed = new Stripe('sk_test_x').webhooks.generateTestHeaderString({ payload: payload.replace('paid', 'PAID'), secret: stripe.webhookSecret })
    assert.equal(await stripe.deliver(completed, { signature: signed }), 400)
    assert.lengthOf(await WebhookEvent.query().where('event_id', completed.id), 0)
    await payment.refresh()
    assert.equal(payment.status, 'pending')
  })

  test('one event delivered 3 times, then twice at once: one row, one payment, one receipt', async ({ client, assert }) => {
    const { family, session, payment, completed } = await paidUnheard(client, stripe)
    for (let i = 0; i < 3; i++) assert.equal(await stripe.deliver(completed), 200)
    assert.deepEqual(await Promise.all([stripe.deliver(completed), stripe.deliver(completed)]), [200, 200])
    const rows = await WebhookEvent.query().where('event_id', completed.id)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].status, 'processed')
    assert.equal(rows[0].eventId, completed.id)
    await payment.refresh()
    assert.equal(payment.status, 'succeeded')
    assert.lengthOf(await Payment.query().where('photo_session_id', session.id), 1)
    assert.lengthOf(await receiptsTo(family.email!), 1)
    await session.refresh()
    assert.equal(session.status, 'confirmed')
    assert.equal(session.balanceDue, 30_000)
  })

  test('two different events of one payment at once, out of order: settled once', async ({ client, assert }) => {
    const { family, session, payment, completed, succeeded } = await paidUnheard(client, stripe)
    assert.deepEqual(await Promise.all([stripe.deliver(succeeded), stripe.deliver(completed), stripe.deliver(succeeded)]), [200, 200, 200])
    await payment.refresh()
    assert.equal(payment.status, 'succeeded')
    assert.equal(payment.providerPaymentId, succeeded.data.object.id)
    assert.lengthOf(await receiptsTo(family.email!), 1)
    assert.lengthOf(await WebhookEvent.query().whereIn('event_id', [completed.id, succeeded.id]).where('status', 'processed'), 2)
    await session.refresh()
    assert.equal(session.balanceDue, 30_000)
  })

  test('an event type Loupe does not handle is stored as ignored', async ({ assert }) => {
    const event = { id: 'evt_unhandled_1', object: 'event', type: 'customer.updated', data: { object: { id: 'cus_1' } } }
    assert.equal(await stripe.deliver(event), 200)
    const row = await WebhookEvent.findByOrFail('eventId', 'evt_unhandled_1')
    assert.equal(row.status, 'ignored')
  })
})
