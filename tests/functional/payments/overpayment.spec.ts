import { test } from '@japa/runner'
import Payment from '#models/payment'
import Refund from '#models/refund'
import MarkPaymentReceived from '#actions/payments/mark_payment_received'
import { actors } from '#support/actor'
import { UserFactory } from '#database/factories/user_factory'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { paidStripeDeposit, payOnHostedPage, useLocalStripe } from '#tests/support/stripe'

test.group('Stripe: a balance paid twice over', (group) => {
  let stripe: LocalStripe
  useLocalStripe(group, (started) => (stripe = started))

  test('a balance paid online after the desk took part of it: the difference goes back to the card, once', async ({ client, assert }) => {
    const { family, session } = await paidStripeDeposit(client, stripe, '3_pay')
    assert.equal(session.balanceDue, 30_000)

    // The family opens "pay the balance" ($300.00)…
    const started = await client.post(`/portal/sessions/${session.id}/balance-payment`).form({ idempotencyKey: crypto.randomUUID() }).loginAs(family).withCsrfToken().redirects(0)
    const balance = await Payment.query().where('photo_session_id', session.id).where('payment_type', 'balance').firstOrFail()
    assert.equal(balance.amount, 30_000)

    // …meanwhile the desk takes $100.00 of it in cash…
    const staff = await UserFactory.apply('staff').create()
    const desk = await Payment.create({
      userId: family.id,
      photoSessionId: session.id,
      amount: 10_000,
      currency: session.currency,
      paymentType: 'plan_payment',
      method: 'cash',
      provider: 'offline',
      idempotencyKey: `desk:${session.id}`,
      status: 'pending',
      refundAmount: 0,
    })
    assert.isTrue((await MarkPaymentReceived.handle(actors.user(staff), desk, 'cash')).ok)

    // …then the family pays the $300.00 page: $100.00 too much.
    await payOnHostedPage(started.header('location')!)
    await stripe.flushWebhooks()

    await balance.refresh()
    assert.equal(balance.status, 'partially_refunded')
    assert.equal(balance.refundAmount, 10_000)
    assert.equal(stripe.paymentIntents.get(balance.providerPaymentId!)?.refunded_amount, 10_000)
    const refunds = await Refund.query().where('payment_id', balance.id)
    assert.lengthOf(refunds, 1)
    assert.include(refunds[0].reason, 'Paid more than the session costs')
    await session.refresh()
    assert.equal(session.balanceDue, 0)
  })
})
