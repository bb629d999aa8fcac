import { test } from '@japa/runner'
import Payment from '#models/payment'
import Invoice from '#models/invoice'
import PlanInstallment from '#models/plan_installment'
import PhotoSession from '#models/photo_session'
import EmailLog from '#models/email_log'
import RunBilling from '#actions/billing/run_billing'
import TakeDeskPayment from '#actions/kiosk/take_desk_payment'
import { actors } from '#support/actor'
import { UserFactory } from '#database/factories/user_factory'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { payOnHostedPage, useLocalStripe } from '#tests/support/stripe'
import { noonOn, planPaidByCard } from '#tests/support/billing'
import { lastDeliveredTo, linkIn } from '#tests/support/mail'

test.group('billing:run charges plan installments', (group) => {
  let stripe: LocalStripe
  useLocalStripe(group, (started) => (stripe = started))

  test('with the clock on the first due date: that installment is charged once, the plan counts it', async ({ client, assert }) => {
    const { family, session, plan, installments } = await planPaidByCard(client, stripe)
    const [first, second] = installments
    const now = noonOn(first.dueOn)
    const run = await RunBilling.handle({ now })
    assert.include(run, { due: 1, charged: 1, chargedAmount: first.amount, failed: 0, unknown: 0 })
    assert.include(await RunBilling.handle({ now }), { due: 0, charged: 0 })

    await first.refresh()
    assert.equal(first.status, 'paid')
    const payment = await Payment.findOrFail(first.paymentId!)
    assert.include(payment.serialize(), { status: 'succeeded', paymentType: 'plan_payment', amount: first.amount, planInstallmentId: first.id, provider: 'stripe' })
    assert.equal(payment.idempotencyKey, `plan-installment:${first.id}:attempt:1`)
    assert.equal(stripe.chargesBy('plan_installment_id').get(first.id), 1)
    await plan.refresh()
    assert.equal(plan.paymentsCompleted, 1)
    assert.equal(plan.nextChargeOn!.toISODate(), second.dueOn.toISODate())
    await session.refresh()
    assert.equal(session.balanceDue, 30_000 - first.amount)

    const page = await client.get(`/portal/sessions/${session.id}`).loginAs(family)
    page.assertStatus(200)
    page.assertTextIncludes(`receipt ${payment.id.slice(0, 8).toUpperCase()}`)
  })

  test('the first charge drafts the plan invoice with the year\'s next number, no stand-in left behind', async ({ client, assert }) => {
    const { installments } = await planPaidByCard(client, stripe)
    const last = await Invoice.query().orderBy('number', 'desc').firstOrFail()
    await RunBilling.handle({ now: noonOn(installments[0].dueOn) })
    const payment = await Payment.findByOrFail('planInstallmentId', installments[0].id)
    const invoice = await Invoice.findOrFail(payment.invoiceId!)
    assert.include(invoice.serialize(), { kind: 'plan', status: 'open', amountPaid: installments[0].amount })
    assert.match(invoice.number, /^INV-\d{4}-\d{6}$/)
    assert.equal(Number(invoice.number.slice(-6)), Number(last.number.slice(-6)) + 1)
    assert.lengthOf(await Invoice.query().where('number', 'like', '~%'), 0)
  })

  test('all three charged: the plan is completed and the session balance reads 0', async ({ client, assert }) => {
    const { session, plan, installments } = await planPaidByCard(client, stripe)
    const run = await RunBilling.handle({ now: noonOn(installments[2].dueOn) })
    assert.include(run, { charged: 3, chargedAmount: 30_000, plansCompleted: 1 })
    await plan.refresh()
    assert.equal(plan.status, 'completed')
    assert.equal(plan.paymentsCompleted, 3)
    await session.refresh()
    assert.equal(session.balanceDue, 0)
  })

  test('a declined charge: code and reason stored, retried a day later, an email with a signed link to update the card', async ({ client, assert }) => {
    const { family, plan, installments } = await planPaidByCard(client, stripe, { declineLater: true })
    const now = noonOn(installments[0].dueOn)
    const run = await RunBilling.handle({ now })
    assert.include(run, { charged: 0, failed: 1, failedAmount: installments[0].amount })
    const installment = await PlanInstallment.findOrFail(installments[0].id)
    assert.include(installment.serialize(), { status: 'failed', failureCode: 'generic_decline', failureReason: 'Your card was declined.' })
    assert.equal(installment.nextAttemptAt!.toMillis(), now.plus({ days: 1 }).toMillis())
    const payment = await Payment.findByOrFail('idempotencyKey', `plan-installment:${installment.id}:attempt:1`)
    assert.include(payment.serialize(), { status: 'failed', failureCode: 'generic_decline' })
    await plan.refresh()
    assert.equal(plan.status, 'past_due')
    assert.include(await RunBilling.handle({ now: now.plus({ hours: 23 }) }), { due: 0 })

    const mail = lastDeliveredTo(family.email!)
    assert.include(mail.subject, "We couldn't charge your card")
    const link = linkIn(mail, '/plans/')
    const setup = await client.get(link).redirects(0)
    setup.assertStatus(302)
    const saved = await payOnHostedPage(setup.header('location')!, '4242 4242 4242 4242')
    assert.equal(saved.status, 303)
    await plan.refresh()
    assert.equal(plan.status, 'active')
    assert.include(await RunBilling.handle({ now: now.plus({ hours: 1 }) }), { charged: 1 })
    await installment.refresh()
    assert.equal(installment.status, 'paid')
    assert.equal(installment.attempts, 2)
  })

  test('the update-card link refuses a tampered signature', async ({ client }) => {
    const response = await client.get('/plans/7f1c1f7e-1111-4111-8111-111111111111/card?signature=forged').redirects(0)
    response.assertStatus(403)
  })

  test('the third failure in a row fails the plan, flags the session and tells the studio', async ({ client, assert }) => {
    const { plan, session, installments, settings } = await planPaidByCard(client, stripe, { declineLater: true })
    let now = noonOn(installments[0].dueOn)
    for (const days of [0, 1, 3]) {
      now = now.plus({ days })
      assert.include(await RunBilling.handle({ now }), { failed: 1 })
    }
    await plan.refresh()
    assert.equal(plan.status, 'failed')
    assert.equal(plan.failureCount, 3)
    const installment = await PlanInstallment.findOrFail(installments[0].id)
    assert.isNull(installment.nextAttemptAt)
    assert.include(await RunBilling.handle({ now: now.plus({ days: 10 }) }), { due: 0 })
    await session.refresh()
    assert.isNotNull((await PhotoSession.findOrFail(session.id)).paymentFlaggedAt)
    const studio = await EmailLog.query().where('to', settings.email!).where('subject', 'like', 'Payment plan failed%')
    assert.lengthOf(studio, 1)
    assert.equal(await Payment.query().where('payment_plan_id', plan.id).where('status', 'failed').count('* as n').first().then((r: any) => Number(r.$extras.n)), 3)
  })

  test('a failed plan paid off at the desk completes, and its session is no longer flagged', async ({ client, assert }) => {
    const { plan, session, installments } = await planPaidByCard(client, stripe, { declineLater: true })
    let now = noonOn(installments[0].dueOn)
    for (const days of [0, 1, 3]) {
      now = now.plus({ days })
      await RunBilling.handle({ now })
    }
    await session.refresh()
    assert.isNotNull(session.paymentFlaggedAt)

    const staff = await UserFactory.apply('staff').create()
    const paid = await TakeDeskPayment.handle(actors.user(staff), session, { amount: session.balanceDue, method: 'cash', idempotencyKey: 'desk-balance' })
    assert.isTrue(paid.ok)
    await plan.refresh()
    assert.equal(plan.status, 'completed')
    await session.refresh()
    assert.equal(session.balanceDue, 0)
    assert.isNull(session.paymentFlaggedAt)
  })

  test('a heads-up email 3 days before each charge, once; a dry run charges and sends nothing', async ({ client, assert }) => {
    const { family, installments } = await planPaidByCard(client, stripe)
    const before = noonOn(installments[0].dueOn.minus({ days: 3 }))
    const dry = await RunBilling.handle({ now: noonOn(installments[0].dueOn), dryRun: true })
    assert.include(dry, { due: 1, charged: 0 })
    assert.equal(await PlanInstallment.query().where('status', 'paid').count('* as n').first().then((r: any) => Number(r.$extras.n)), 0)
    assert.include(await RunBilling.handle({ now: before }), { headsUps: 1, due: 0 })
    assert.include(await RunBilling.handle({ now: before.plus({ hours: 1 }) }), { headsUps: 0 })
    const headsUps = await EmailLog.query().where('to', family.email!).where('subject', 'like', '%will be charged on%')
    assert.lengthOf(headsUps, 1)
  })
})
