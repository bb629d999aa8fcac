import { test } from '@japa/runner'
import Payment from '#models/payment'
import PaymentPlan from '#models/payment_plan'
import PlanInstallment from '#models/plan_installment'
import PhotoSession from '#models/photo_session'
import RunBilling from '#actions/billing/run_billing'
import { UserFactory } from '#database/factories/user_factory'
import { PackageFactory } from '#database/factories/package_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { payOnHostedPage, useLocalStripe } from '#tests/support/stripe'
import { noonOn, planPaidByCard } from '#tests/support/billing'
import { truncateAfterEach } from '#tests/support/truncate'

test.group('Portal payments: plans, instalments, receipts (Stripe)', (group) => {
  let stripe: LocalStripe
  useLocalStripe(group, (started) => (stripe = started))

  test('a family sees its plan with the paid instalment, the upcoming ones and the receipt', async ({ client, assert }) => {
    const { family, session, installments } = await planPaidByCard(client, stripe)
    await RunBilling.handle({ now: noonOn(installments[0].dueOn) })
    const first = await PlanInstallment.findOrFail(installments[0].id)

    const page = await client.get('/portal/payments').loginAs(family)
    page.assertStatus(200)
    page.assertTextIncludes(`3-payment plan · ${session.sessionNumber}`)
    page.assertTextIncludes(`receipt ${first.paymentId!.slice(0, 8).toUpperCase()}`)
    page.assertTextIncludes('<dt>Paid</dt><dd>1 of 3</dd>')
    assert.equal(page.text().match(/Upcoming/g)?.length, 2)
    page.assertTextIncludes('Pay the balance early ($200.00)')
    page.assertTextIncludes('Update card')

    const receipt = await client.get(`/portal/payments/${first.paymentId}`).loginAs(family)
    receipt.assertStatus(200)
    receipt.assertTextIncludes(`Receipt ${first.paymentId!.slice(0, 8).toUpperCase()}`)
    receipt.assertTextIncludes(`Instalment 1 · ${session.sessionNumber}`)
    receipt.assertTextIncludes('$100.00')
  })

  test('another family sees none of it: not on its page, 404 for the receipt, the card and the balance', async ({ client, assert }) => {
    const { session, plan, installments } = await planPaidByCard(client, stripe)
    await RunBilling.handle({ now: noonOn(installments[0].dueOn) })
    const paid = await PlanInstallment.findOrFail(installments[0].id)
    const other = await UserFactory.apply('customer').create()

    const page = await client.get('/portal/payments').loginAs(other)
    page.assertStatus(200)
    assert.notInclude(page.text(), session.sessionNumber)
    ;(await client.get(`/portal/payments/${paid.paymentId}`).loginAs(other)).assertStatus(404)
    ;(await client.post(`/portal/plans/${plan.id}/card`).loginAs(other).withCsrfToken().redirects(0)).assertStatus(404)
    const balance = await client.post(`/portal/sessions/${session.id}/balance-payment`).form({ idempotencyKey: crypto.randomUUID() }).loginAs(other).withCsrfToken().redirects(0)
    balance.assertStatus(404)
    assert.equal(await Payment.query().where('payment_type', 'balance').count('* as n').first().then((row: any) => Number(row.$extras.n)), 0)
  })

  test('paying the balance early through Checkout completes the plan: no instalment is charged again', async ({ client, assert }) => {
    const { family, session, plan, installments } = await planPaidByCard(client, stripe)
    const started = await client.post(`/portal/sessions/${session.id}/balance-payment`).form({ idempotencyKey: crypto.randomUUID() }).loginAs(family).withCsrfToken().redirects(0)
    started.assertStatus(303)
    const paid = await payOnHostedPage(started.header('location')!)
    assert.equal(paid.status, 303)

    await session.refresh()
    assert.equal(session.balanceDue, 0)
    await plan.refresh()
    assert.equal(plan.status, 'completed')
    assert.include(await RunBilling.handle({ now: noonOn(installments[2].dueOn) }), { due: 0, charged: 0 })
    const balance = await Payment.query().where('photo_session_id', session.id).where('payment_type', 'balance').preload('invoice').firstOrFail()
    assert.include(balance.serialize(), { status: 'succeeded', amount: 30_000 })
    assert.equal(balance.invoice.status, 'paid')
  })

  test('while a billing run is charging an instalment, paying the rest early waits: nothing is started', async ({ client, assert }) => {
    const { family, session, installments } = await planPaidByCard(client, stripe)
    const charging = await PlanInstallment.findOrFail(installments[0].id)
    assert.isTrue(await charging.claim('billing:run elsewhere', { now: noonOn(charging.dueOn) }))

    const started = await client.post(`/portal/sessions/${session.id}/balance-payment`).form({ idempotencyKey: crypto.randomUUID() }).loginAs(family).withCsrfToken().redirects(0)
    started.assertStatus(303)
    started.assertFlashMessage('error', 'An instalment of this plan is being charged right now. Look again in a few minutes before paying the rest.')
    assert.equal(await Payment.query().where('payment_type', 'balance').count('* as n').first().then((row: any) => Number(row.$extras.n)), 0)
  })

  test('update card goes to Checkout in setup mode and the new card is kept on the plan', async ({ client, assert }) => {
    const { family, plan } = await planPaidByCard(client, stripe)
    const before = plan.stripePaymentMethodId
    const started = await client.post(`/portal/plans/${plan.id}/card`).loginAs(family).withCsrfToken().redirects(0)
    started.assertStatus(303)
    const saved = await payOnHostedPage(started.header('location')!, '5555 5555 5555 4444')
    assert.equal(saved.status, 303)
    assert.include(saved.location!, '/portal/payments')
    await plan.refresh()
    assert.notEqual(plan.stripePaymentMethodId, before)
  })

  test('a bad idempotency key is refused with nothing written', async ({ client, assert }) => {
    const { family, session } = await planPaidByCard(client, stripe)
    const response = await client.post(`/portal/sessions/${session.id}/balance-payment`).form({ idempotencyKey: 'x' }).loginAs(family).withCsrfToken().redirects(0).header('accept', 'application/json')
    response.assertStatus(422)
    assert.equal(await Payment.query().where('payment_type', 'balance').count('* as n').first().then((row: any) => Number(row.$extras.n)), 0)
  })
})

test.group('Portal payments: pay at the studio (offline gateway)', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('paying the balance early explains paying at the studio; a failed instalment shows its reason', async ({ client, assert }) => {
    const family = await UserFactory.apply('customer').create()
    const pkg = await PackageFactory.create()
    const session = await PhotoSessionFactory.merge({ userId: family.id, packageId: pkg.id, totalAmount: 40_000, depositAmount: 10_000, balanceDue: 30_000 }).create()
    const plan = await PaymentPlan.create({ userId: family.id, photoSessionId: session.id, planType: '2_pay', totalAmount: 30_000, currency: 'USD', paymentsTotal: 2, paymentsCompleted: 0, status: 'past_due', failureCount: 1 })
    const rows = PaymentPlan.schedule(30_000, '2_pay', noonOn(session.startsAt.minus({ days: 60 })))
    for (const row of rows) {
      await PlanInstallment.create({ paymentPlanId: plan.id, ...row, status: row.sequence === 1 ? 'failed' : 'scheduled', attempts: row.sequence === 1 ? 1 : 0, failureReason: row.sequence === 1 ? 'Your card has insufficient funds.' : null })
    }

    const page = await client.get('/portal/payments').loginAs(family)
    page.assertStatus(200)
    page.assertTextIncludes('Not charged: Your card has insufficient funds.')
    page.assertTextIncludes('the studio takes payments at the front desk')
    assert.notInclude(page.text(), 'Update card')

    const response = await client.post(`/portal/sessions/${session.id}/balance-payment`).form({ idempotencyKey: crypto.randomUUID() }).loginAs(family).withCsrfToken()
    response.assertStatus(200)
    response.assertTextIncludes('Pay at the studio')
    response.assertTextIncludes('$300.00')
    const pending = await Payment.query().where('photo_session_id', session.id).firstOrFail()
    assert.include(pending.serialize(), { status: 'pending', provider: 'offline', paymentType: 'balance' })
    assert.isNull((await PhotoSession.findOrFail(session.id)).paymentFlaggedAt)
  })
})
