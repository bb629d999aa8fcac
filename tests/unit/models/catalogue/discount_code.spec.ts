import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import DiscountCode from '#models/discount_code'
import { DiscountCodeFactory } from '#database/factories/discount_code_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Discount code', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a code that reloads and is found case-insensitively', async ({ assert }) => {
    const code = await DiscountCodeFactory.merge({ code: 'rockon20' }).create()
    const found = await DiscountCode.query().withScopes((s) => s.forCode(' RockOn20 ')).firstOrFail()
    assert.equal(found.id, code.id)
    assert.equal(found.code, 'ROCKON20')
  })

  test('percent codes take a share of the subtotal and fixed codes never exceed it', async ({ assert }) => {
    const percent = await DiscountCodeFactory.merge({ amount: 15 }).create()
    const fixed = await DiscountCodeFactory.apply('fixed').create()
    assert.equal(percent.discountFor(10_000), 1_500)
    assert.equal(fixed.discountFor(10_000), 1_500)
    assert.equal(fixed.discountFor(1_000), 1_000)
  })

  test('the redeemable scope hides expired, upcoming and used-up codes', async ({ assert }) => {
    const live = await DiscountCodeFactory.merge({ maxRedemptions: 3, redemptions: 2 }).create()
    await DiscountCodeFactory.apply('expired').create()
    await DiscountCodeFactory.apply('upcoming').create()
    await DiscountCodeFactory.apply('exhausted').create()
    const ids = (await DiscountCode.query().withScopes((s) => s.redeemable())).map((c) => c.id)
    assert.deepEqual(ids, [live.id])
    assert.isTrue(live.isRedeemable())
  })

  test('redeeming counts one use until the limit, then refuses', async ({ assert }) => {
    const code = await DiscountCodeFactory.merge({ maxRedemptions: 1 }).create()
    assert.isTrue(await code.redeem())
    assert.isFalse(await code.redeem())
    assert.equal((await DiscountCode.findOrFail(code.id)).redemptions, 1)
  })

  test('an expired code cannot be redeemed', async ({ assert }) => {
    const code = await DiscountCodeFactory.apply('expired').create()
    assert.isFalse(code.isRedeemable())
    assert.isFalse(await code.redeem())
    assert.equal((await DiscountCode.findOrFail(code.id)).redemptions, 0)
  })

  test('two codes cannot share a code', async () => {
    await DiscountCodeFactory.merge({ code: 'WELCOME10' }).create()
    await assertViolates(() => DiscountCodeFactory.merge({ code: 'welcome10' }).create(), 'unique')
  })

  test('a percent code cannot take more than 100%', async () => {
    await assertViolates(() => DiscountCodeFactory.merge({ amount: 101 }).create(), 'check')
  })

  test('the amount must be positive', async () => {
    await assertViolates(() => DiscountCodeFactory.merge({ kind: 'fixed', amount: 0 }).create(), 'check')
  })

  test('the database refuses redemptions past the limit', async () => {
    await assertViolates(() => DiscountCodeFactory.merge({ maxRedemptions: 2, redemptions: 3 }).create(), 'check')
  })

  test('a code cannot end before it starts', async () => {
    const now = DateTime.now()
    await assertViolates(() => DiscountCodeFactory.merge({ startsAt: now, endsAt: now.minus({ days: 1 }) }).create(), 'check')
  })
})
