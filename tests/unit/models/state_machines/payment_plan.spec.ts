import { test } from '@japa/runner'
import PaymentPlan from '#models/payment_plan'
import StatusChange from '#models/status_change'
import { PaymentPlanFactory } from '#database/factories/payment_plan_factory'
import { truncateAfterEach } from '#tests/support/truncate'
import { raceTransition } from '#tests/support/race'

test.group('PaymentPlan state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('one failed charge reported twice at once makes the plan past due once', async ({ assert }) => {
    const plan = await PaymentPlanFactory.create()
    assert.equal(await raceTransition(PaymentPlan, plan.id, (row) => row.recordChargeFailure()), 1)
    assert.lengthOf(await StatusChange.of('PaymentPlan', plan.id), 1)
    assert.equal((await PaymentPlan.findOrFail(plan.id)).failureCount, 1)
  })

  test('one paid installment recorded twice at once (active → active) counts once', async ({ assert }) => {
    const plan = await PaymentPlanFactory.create()
    assert.equal(await raceTransition(PaymentPlan, plan.id, (row) => row.recordInstallmentPaid()), 1)
    assert.lengthOf(await StatusChange.of('PaymentPlan', plan.id), 1)
    assert.equal((await PaymentPlan.findOrFail(plan.id)).paymentsCompleted, 2)
  })
})
