import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Payment from '#models/payment'
import PaymentPlan from '#models/payment_plan'
import PlanInstallment from '#models/plan_installment'
import RunBilling from '#actions/billing/run_billing'
import ApplyPaymentToInvoice from '#actions/invoices/apply_payment_to_invoice'
import { recordInstallmentPaid, recordInstallmentsPaid } from '#actions/billing/record_installment_charge'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { useLocalStripe } from '#tests/support/stripe'
import { duePlans, noonOn } from '#tests/support/billing'
import { actors } from '#support/actor'

const actor = actors.system('billing:run')

/** Due installments claimed by a run, each with its attempt's pending payment, as a run holds them before recording. */
async function claimedCharges(stripe: LocalStripe, count: number) {
  const due = DateTime.utc().minus({ days: 1 })
  const ids = await duePlans(stripe, count, due)
  const charges = []
  for (const id of ids) {
    const installment = await PlanInstallment.findOrFail(id)
    await installment.claim('billing:run test', { now: noonOn(due) })
    const plan = await PaymentPlan.findOrFail(installment.paymentPlanId)
    const payment = await Payment.create({
      userId: plan.userId,
      photoSessionId: plan.photoSessionId,
      paymentPlanId: plan.id,
      planInstallmentId: installment.id,
      amount: installment.amount,
      currency: plan.currency,
      paymentType: 'plan_payment',
      method: 'card',
      provider: 'stripe',
      idempotencyKey: installment.idempotencyKey(),
      status: 'pending',
      refundAmount: 0,
    })
    charges.push({ payment, outcome: { providerPaymentId: `pi_${installment.id.slice(0, 8)}`, providerChargeId: `ch_${installment.id.slice(0, 8)}` }, installment, plan })
  }
  return charges
}

const rows = (table: string) => db.from(table)

test.group('Billing runs record their charges in batches', (group) => {
  let stripe: LocalStripe
  useLocalStripe(group, (started) => (stripe = started))

  test('12 plans charged in batches of 5: each recorded as one charge alone would be', async ({ assert }) => {
    const due = DateTime.utc().minus({ days: 1 })
    const ids = await duePlans(stripe, 12, due)
    const run = await RunBilling.handle({ now: noonOn(due), batchSize: 5, concurrency: 4 })
    assert.include(run, { due: 12, charged: 12, chargedAmount: 120_000, failed: 0, unknown: 0, skipped: 0 })

    const installments = await PlanInstallment.query().whereIn('id', ids)
    assert.deepEqual([...new Set(installments.map((row) => `${row.status} ${row.attempts} ${row.claimedBy}`))], ['paid 1 null'])
    const plans = await PaymentPlan.query().whereIn('id', installments.map((row) => row.paymentPlanId))
    for (const plan of plans) {
      assert.equal(plan.paymentsCompleted, 1)
      assert.equal(plan.status, 'active')
      assert.equal(plan.nextChargeOn!.toISODate(), due.plus({ months: 1 }).toISODate())
    }
    assert.deepEqual([...new Set((await rows('photo_sessions').whereIn('id', plans.map((plan) => plan.photoSessionId!))).map((row) => Number(row.balance_due)))], [30_000])

    // One plan invoice per session, issued, counting its instalment once, numbered in a row with no stand-in left.
    const invoices = await rows('invoices').where('kind', 'plan').orderBy('number')
    assert.lengthOf(invoices, 12)
    assert.deepEqual([...new Set(invoices.map((row) => `${row.status} ${row.amount_paid} ${row.total}`))], ['open 10000 30000'])
    const serials = invoices.map((row) => Number(row.number.split('-').at(-1)))
    assert.deepEqual(serials, serials.map((_, n) => serials[0] + n))
    assert.lengthOf(await rows('invoice_items').whereIn('invoice_id', invoices.map((row) => row.id)), 36)
    const payments = await Payment.query().whereIn('plan_installment_id', ids)
    assert.deepEqual(payments.map((payment) => invoices.some((row) => row.id === payment.invoiceId)), payments.map(() => true))

    // The history of every change, one row each; one receipt job per charge.
    assert.lengthOf(await rows('status_changes').where('subject_type', 'Payment').where('to_status', 'succeeded').where('note', 'Installment charged'), 12)
    assert.lengthOf(await rows('status_changes').where('subject_type', 'PlanInstallment').where('to_status', 'paid'), 12)
    assert.lengthOf(await rows('status_changes').where('subject_type', 'PaymentPlan'), 12)
    assert.lengthOf(await rows('status_changes').where('subject_type', 'Invoice').where('from_status', 'open').where('note', '$100.00 received'), 12)
    assert.lengthOf(await rows('jobs').where('name', 'billing.installment_receipt_mail'), 12)
  }).timeout(60_000)

  test('a charge its webhook recorded first is left alone; the rest of the batch is recorded', async ({ assert }) => {
    const charges = await claimedCharges(stripe, 3)
    assert.isNotNull(await recordInstallmentPaid(charges[1].payment.id, charges[1].outcome, actor))

    const results = await recordInstallmentsPaid(charges, actor)
    assert.deepEqual(results.map((result) => (result === null ? 'null' : result instanceof Error ? 'error' : result.installment.status)), ['paid', 'null', 'paid'])
    assert.lengthOf(await rows('status_changes').where('subject_type', 'Payment').where('subject_id', charges[1].payment.id), 1)
    const invoices = await rows('invoices').where('kind', 'plan')
    assert.deepEqual(invoices.map((row) => Number(row.amount_paid)), [10_000, 10_000, 10_000])
    assert.lengthOf(await rows('jobs').where('name', 'billing.installment_receipt_mail'), 3)
  })

  test('a batch with one charge not as read is recorded one by one: only that charge is refused', async ({ assert }) => {
    const charges = await claimedCharges(stripe, 3)
    // The studio cancels a plan while its charge is in flight.
    await (await PaymentPlan.findOrFail(charges[2].plan.id)).cancel({ actor })

    const results = await recordInstallmentsPaid(charges, actor)
    assert.equal(results[0] && !(results[0] instanceof Error) && results[0].plan.paymentsCompleted, 1)
    assert.equal(results[1] && !(results[1] instanceof Error) && results[1].plan.paymentsCompleted, 1)
    assert.instanceOf(results[2], Error)
    assert.match((results[2] as Error).message, /^Plan .* changed while its installment was recorded/)
    assert.deepEqual(
      (await Payment.query().whereIn('id', charges.map((charge) => charge.payment.id)).orderByRaw(`CASE id ${charges.map(() => 'WHEN ? THEN ?').join(' ')} END`, charges.flatMap((charge, n) => [charge.payment.id, n]))).map((payment) => payment.status),
      ['succeeded', 'succeeded', 'pending']
    )
    assert.lengthOf(await rows('invoices').where('kind', 'plan'), 2)
  })

  test('plan payments of a session with no plan left to invoice are billed one by one, on a balance invoice', async ({ assert }) => {
    const charges = await claimedCharges(stripe, 2)
    await (await PaymentPlan.findOrFail(charges[1].plan.id)).cancel({ actor })
    for (const { payment } of charges) await payment.merge({ status: 'succeeded' }).save()

    const invoices = await db.transaction((trx) => ApplyPaymentToInvoice.many(charges.map((charge) => charge.payment), { actor, client: trx }))
    assert.deepEqual(invoices.map((invoice) => `${invoice.kind} ${invoice.status} ${invoice.amountPaid}`), ['plan open 10000', 'balance paid 10000'])
    const claimed = await Payment.query().whereIn('id', charges.map((charge) => charge.payment.id)).whereNotNull('invoice_id')
    assert.lengthOf(claimed, 2)
  })
})

