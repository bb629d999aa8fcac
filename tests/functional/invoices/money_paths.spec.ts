import { test } from '@japa/runner'
import Payment from '#models/payment'
import Invoice from '#models/invoice'
import RunBilling from '#actions/billing/run_billing'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { useLocalStripe } from '#tests/support/stripe'
import { noonOn, planPaidByCard } from '#tests/support/billing'

test.group('Invoices: every money path counts on an invoice', (group) => {
  let stripe: LocalStripe
  useLocalStripe(group, (started) => (stripe = started))

  test('a deposit paid through Stripe Checkout shows on a paid deposit invoice', async ({ client, assert }) => {
    const { family, session } = await planPaidByCard(client, stripe)
    const deposit = await Payment.query().where('photo_session_id', session.id).where('payment_type', 'deposit').preload('invoice').firstOrFail()
    assert.equal(deposit.status, 'succeeded')
    assert.include(deposit.invoice.serialize(), { kind: 'deposit', status: 'paid', amountPaid: 10_000, total: 10_000, photoSessionId: session.id })
    const list = await client.get('/portal/invoices').loginAs(family)
    list.assertTextIncludes(deposit.invoice.number)
  })

  test('a billing-run instalment shows on the partly paid plan invoice, counted once', async ({ client, assert }) => {
    const { family, session, installments } = await planPaidByCard(client, stripe)
    const now = noonOn(installments[0].dueOn)
    await RunBilling.handle({ now })
    await stripe.flushWebhooks() // the charge's payment_intent.succeeded arrives too: it must not count again
    await RunBilling.handle({ now })
    const charged = await Payment.query().where('photo_session_id', session.id).where('payment_type', 'plan_payment').preload('invoice')
    assert.lengthOf(charged, 1)
    const invoice = charged[0].invoice
    assert.include(invoice.serialize(), { kind: 'plan', status: 'open', amountPaid: installments[0].amount, total: 30_000 })
    assert.equal(invoice.balance, 30_000 - installments[0].amount)

    await RunBilling.handle({ now: noonOn(installments[2].dueOn) })
    await invoice.refresh()
    assert.include(invoice.serialize(), { status: 'paid', amountPaid: 30_000 })
    assert.equal(await Invoice.query().where('photo_session_id', session.id).where('kind', 'plan').count('* as n').first().then((row: any) => Number(row.$extras.n)), 1)
    const page = await client.get(`/portal/invoices/${invoice.id}`).loginAs(family)
    page.assertStatus(200)
    page.assertTextIncludes('Instalment 1 of 3')
  })
})
