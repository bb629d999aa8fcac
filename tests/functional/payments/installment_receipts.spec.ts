import { test } from '@japa/runner'
import EmailLog from '#models/email_log'
import Job from '#models/job'
import Payment from '#models/payment'
import RunBilling from '#actions/billing/run_billing'
import { JobWorker } from '#services/jobs/worker'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { useLocalStripe } from '#tests/support/stripe'
import { noonOn, planPaidByCard } from '#tests/support/billing'
import { lastDeliveredTo, linkIn } from '#tests/support/mail'

async function instalmentReceipts(email: string) {
  return EmailLog.query().where('to', email).where('subject', 'like', 'Receipt:%').where('text', 'like', '%instalment%')
}

test.group('Billing: a receipt email per charged instalment', (group) => {
  let stripe: LocalStripe
  useLocalStripe(group, (started) => (stripe = started))

  test('one billing run queues one receipt per charged instalment, sent by the jobs worker; a rerun sends none', async ({ client, assert }) => {
    const { family, installments } = await planPaidByCard(client, stripe)
    const now = noonOn(installments[2].dueOn)
    assert.include(await RunBilling.handle({ now }), { charged: 3 })
    await stripe.flushWebhooks()
    // Queued with the charge, not rendered inside the billing transaction.
    assert.lengthOf(await instalmentReceipts(family.email!), 0)
    assert.lengthOf(await Job.query().where('name', 'billing.installment_receipt_mail'), 3)

    assert.equal(await new JobWorker().drain(), 3)
    const receipts = await instalmentReceipts(family.email!)
    assert.lengthOf(receipts, 3)
    assert.sameMembers(receipts.map((mail) => mail.text!.match(/instalment \d of 3/)![0]), ['instalment 1 of 3', 'instalment 2 of 3', 'instalment 3 of 3'])

    assert.include(await RunBilling.handle({ now: now.plus({ hours: 1 }) }), { charged: 0 })
    await stripe.flushWebhooks()
    assert.equal(await new JobWorker().drain(), 0)
    assert.lengthOf(await instalmentReceipts(family.email!), 3)

    const link = linkIn(lastDeliveredTo(family.email!), '/portal/payments/')
    const payment = await Payment.findOrFail(link.split('/').at(-1)!)
    assert.equal(payment.paymentType, 'plan_payment')
    const page = await client.get(link).loginAs(family)
    page.assertStatus(200)
    page.assertTextIncludes(`Receipt ${payment.id.slice(0, 8).toUpperCase()}`)
  })

  test('a declined charge queues no receipt', async ({ client, assert }) => {
    const { family, installments } = await planPaidByCard(client, stripe, { declineLater: true })
    assert.include(await RunBilling.handle({ now: noonOn(installments[0].dueOn) }), { failed: 1 })
    await stripe.flushWebhooks()
    assert.equal(await new JobWorker().drain(), 0)
    assert.lengthOf(await instalmentReceipts(family.email!), 0)
  })
})
