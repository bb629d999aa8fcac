import { test } from '@japa/runner'
import PlanInstallment from '#models/plan_installment'
import db from '@adonisjs/lucid/services/db'
import StatusChange from '#models/status_change'
import { PlanInstallmentFactory } from '#database/factories/plan_installment_factory'
import { PaymentFactory } from '#database/factories/payment_factory'
import { truncateAfterEach } from '#tests/support/truncate'

/**
 * A payment gateway as the billing run sees it: a charge sent again with the same
 * idempotency key is answered with the first charge, never made twice (Stripe's rule).
 */
function fakeGateway() {
  const charges = new Map<string, string>()
  return {
    charges,
    charge(idempotencyKey: string) {
      if (!charges.has(idempotencyKey)) charges.set(idempotencyKey, `ch_${charges.size + 1}`)
      return charges.get(idempotencyKey)!
    },
  }
}

test.group('PlanInstallment claims under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two billing runs claim one due installment: one charges it', async ({ assert }) => {
    const installment = await PlanInstallmentFactory.apply('dueToday').create()
    const gateway = fakeGateway()
    const runs = ['billing:run host-a:1', 'billing:run host-b:2', 'billing:run host-c:3']
    const copies = await Promise.all(runs.map(() => PlanInstallment.findOrFail(installment.id)))
    const claimed = await Promise.all(copies.map((copy, index) => copy.claim(runs[index])))
    copies.filter((_, index) => claimed[index]).forEach((copy) => gateway.charge(copy.idempotencyKey()))

    assert.equal(claimed.filter(Boolean).length, 1)
    assert.equal(gateway.charges.size, 1)
    const reloaded = await PlanInstallment.findOrFail(installment.id)
    assert.equal(reloaded.attempts, 1)
    assert.equal(reloaded.claimedBy, runs[claimed.indexOf(true)])
    assert.lengthOf(await StatusChange.of('PlanInstallment', installment.id), 1)
  })

  test('two runs claim the same batch of 10 at once: each installment once, one attempt, one history row', async ({ assert }) => {
    const installments = await PlanInstallmentFactory.apply('dueToday').createMany(10)
    const ids = installments.map((row) => row.id)
    const runs = ['billing:run host-a:1', 'billing:run host-b:2']
    const batches = await Promise.all(runs.map(() => PlanInstallment.query().whereIn('id', ids)))
    const claimed = await Promise.all(batches.map((batch, n) => db.transaction((trx) => PlanInstallment.claimMany(batch, runs[n], { client: trx }))))

    assert.equal(claimed[0].length + claimed[1].length, 10)
    assert.deepEqual(claimed[0].filter((row) => claimed[1].some((other) => other.id === row.id)), [])
    const reloaded = await PlanInstallment.query().whereIn('id', ids)
    assert.deepEqual([...new Set(reloaded.map((row) => `${row.status} ${row.attempts}`))], ['processing 1'])
    for (const [n, batch] of claimed.entries()) {
      for (const row of batch) {
        assert.equal(row.attempts, 1, 'the claimed row holds its new attempt')
        assert.equal(reloaded.find((fresh) => fresh.id === row.id)!.claimedBy, runs[n])
      }
    }
    assert.lengthOf(await StatusChange.query().where('subject_type', 'PlanInstallment').whereIn('subject_id', ids), 10)
  })

  test('a batch takes over only the expired claims, each with its attempt (and key) kept', async ({ assert }) => {
    const [dead, live] = [await PlanInstallmentFactory.apply('abandoned').create(), await PlanInstallmentFactory.apply('processing').create()]
    const due = await PlanInstallmentFactory.apply('dueToday').merge({ status: 'failed', attempts: 2 }).create()
    const keys = { dead: dead.idempotencyKey() }
    const claimed = await db.transaction((trx) => PlanInstallment.claimMany([dead, live, due], 'billing:run host-c:3', { client: trx }))

    assert.sameMembers(claimed.map((row) => row.id), [dead.id, due.id])
    assert.equal(dead.idempotencyKey(), keys.dead)
    assert.equal(due.attempts, 3)
    assert.equal((await PlanInstallment.findOrFail(live.id)).claimedBy, 'billing:run test-host:4242')
    const history = await StatusChange.of('PlanInstallment', dead.id)
    assert.equal(history.at(-1)!.note, 'claim of billing:run dead-host:666 expired')
  })

  test('two runs take over the claim of a dead run at once: one does', async ({ assert }) => {
    const installment = await PlanInstallmentFactory.apply('abandoned').create()
    const copies = await Promise.all([PlanInstallment.findOrFail(installment.id), PlanInstallment.findOrFail(installment.id)])
    const claimed = await Promise.all([copies[0].claim('billing:run a'), copies[1].claim('billing:run b')])
    assert.equal(claimed.filter(Boolean).length, 1)
    assert.lengthOf(await StatusChange.of('PlanInstallment', installment.id), 1)
    assert.equal((await PlanInstallment.findOrFail(installment.id)).attempts, 1)
  })

  test('a run killed after charging: the next run, after the timeout, sends the same key and charges nothing new', async ({
    assert,
  }) => {
    const installment = await PlanInstallmentFactory.apply('dueToday').create()
    const gateway = fakeGateway()

    // Run A claims and charges, then dies (kill -9) before recording anything.
    const runA = await PlanInstallment.findOrFail(installment.id)
    assert.isTrue(await runA.claim('billing:run host-a:101'))
    const chargeA = gateway.charge(runA.idempotencyKey())

    // Run B, five minutes later: the claim still holds.
    const runB = await PlanInstallment.findOrFail(installment.id)
    assert.isFalse(await runB.claim('billing:run host-b:202', { now: runA.claimedAt!.plus({ minutes: 5 }) }))

    // Run C, after the timeout: takes the claim over with the same attempt.
    const later = runA.claimedAt!.plus({ minutes: 20 })
    const claimable = await PlanInstallment.query().withScopes((s) => s.claimable(later))
    assert.deepEqual(claimable.map((row) => row.id), [installment.id])
    const runC = claimable[0]
    assert.isTrue(await runC.claim('billing:run host-c:303', { now: later }))
    const chargeC = gateway.charge(runC.idempotencyKey())
    const payment = await PaymentFactory.apply('succeeded').merge({ providerChargeId: chargeC }).create()
    assert.isTrue(await runC.markPaid(payment, { now: later.plus({ seconds: 5 }) }))

    assert.equal(chargeC, chargeA)
    assert.equal(gateway.charges.size, 1)
    const reloaded = await PlanInstallment.findOrFail(installment.id)
    assert.equal(reloaded.status, 'paid')
    assert.equal(reloaded.attempts, 1)
    const history = await StatusChange.of('PlanInstallment', installment.id)
    assert.deepEqual(history.map((c) => [c.fromStatus, c.toStatus]), [
      ['scheduled', 'processing'],
      ['processing', 'processing'],
      ['processing', 'paid'],
    ])
  })
})
