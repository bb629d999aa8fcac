import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import PlanInstallment from '#models/plan_installment'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { startLocalStripe, stopLocalStripe } from '#tests/support/stripe'
import { billingProcess, duePlans, noonOn } from '#tests/support/billing'
import { truncateAfterEach } from '#tests/support/truncate'

const count = async (table: string, where: Record<string, unknown>) =>
  Number((await db.from(table).where(where).count('* as n').first())?.n ?? 0)

/** Every installment charged by Stripe exactly once, and recorded paid once. */
async function assertEachChargedOnce(assert: any, stripe: LocalStripe, ids: string[]) {
  const charges = stripe.chargesBy('plan_installment_id')
  assert.deepEqual(ids.filter((id) => charges.get(id) !== 1), [], 'installments not charged exactly once')
  assert.equal(charges.size, ids.length)
  assert.equal(await count('plan_installments', { status: 'paid' }), ids.length)
  assert.equal(await count('payments', { status: 'succeeded', payment_type: 'plan_payment' }), ids.length)
  const plans = await db.from('payment_plans').where('payments_completed', 1).count('* as n').first()
  assert.equal(Number(plans?.n), ids.length)
}

test.group('billing:run in real processes', (group) => {
  let stripe: LocalStripe
  group.each.setup(async () => {
    stripe = await startLocalStripe({ webhooks: false, delayMs: 40 })
    return () => stopLocalStripe(stripe)
  })
  group.each.setup(() => truncateAfterEach)

  test('two runs at once charge each due installment exactly once', async ({ assert }) => {
    const due = DateTime.utc().minus({ days: 1 })
    const ids = await duePlans(stripe, 40, due)
    const now = noonOn(due).toISO()!
    const runs = [billingProcess(stripe, [`--now=${now}`, '--concurrency=4', '--batch-size=5']), billingProcess(stripe, [`--now=${now}`, '--concurrency=4', '--batch-size=7'])]
    const exits = await Promise.all(runs.map((run) => run.exited))
    assert.deepEqual(exits.map((exit) => exit.code), [0, 0], runs.map((run) => run.output()).join('\n'))
    await assertEachChargedOnce(assert, stripe, ids)
    assert.equal(await count('command_runs', { command: 'billing:run', status: 'succeeded' }), 2)
  }).timeout(120_000)

  test('a run killed with -9 mid-run, then run again once its claims are stale: each charged exactly once, none missed', async ({ assert }) => {
    stripe.delayMs = 150
    const due = DateTime.utc().minus({ days: 1 })
    const ids = await duePlans(stripe, 40, due)
    const now = noonOn(due)
    // Small batches: some are recorded while the next ones are in flight.
    const first = billingProcess(stripe, [`--now=${now.toISO()}`, '--concurrency=8', '--batch-size=8'])
    // Kill it once some charges are recorded and another reached Stripe unrecorded. A batch is
    // recorded all at once, so an answer could land between a check and the kill: once five
    // are paid, Stripe holds its answers, and the kill comes after a held charge arrives.
    const charged = () => stripe.requests.filter((request) => request.path === '/v1/payment_intents' && !request.replayed).length
    const waitFor = async (what: string, ready: () => Promise<boolean>) => {
      for (let waited = 0; !(await ready()); waited += 20) {
        if (waited > 60_000) throw new Error(`${what}:\n${first.output()}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }
    await waitFor('no charge recorded', async () => (await count('plan_installments', { status: 'paid' })) >= 5)
    stripe.delayMs = 10_000
    const beforeHold = charged()
    await waitFor('no charge held', async () => charged() > beforeHold)
    first.child.kill('SIGKILL')
    assert.equal((await first.exited).signal, 'SIGKILL')
    const left = await count('plan_installments', { status: 'processing' })
    assert.isAbove(left, 0, 'the killed run left claims behind')
    assert.isBelow(await count('plan_installments', { status: 'paid' }), ids.length)

    stripe.delayMs = 0
    // Within the claim timeout the rerun leaves the dead run's claims alone…
    const early = billingProcess(stripe, [`--now=${now.plus({ minutes: 1 }).toISO()}`])
    assert.equal((await early.exited).code, 0, early.output())
    assert.equal(await count('plan_installments', { status: 'processing' }), left)
    // …and takes them over once stale, with the same attempt (so the same idempotency key).
    const rerun = billingProcess(stripe, [`--now=${now.plus({ minutes: 20 }).toISO()}`])
    assert.equal((await rerun.exited).code, 0, rerun.output())
    await assertEachChargedOnce(assert, stripe, ids)
    const attempts = await PlanInstallment.query().whereIn('id', ids).where('attempts', '>', 1)
    assert.lengthOf(attempts, 0)
    assert.isAbove(stripe.requests.filter((request) => request.path === '/v1/payment_intents' && request.replayed).length, 0, 'a charge of the killed run was answered again, not made again')
  }).timeout(180_000)
})
