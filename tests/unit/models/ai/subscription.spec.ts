import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Subscription from '#models/subscription'
import { SubscriptionFactory } from '#database/factories/subscription_factory'
import { PricingTierFactory } from '#database/factories/pricing_tier_factory'
import { UserFactory } from '#database/factories/user_factory'
import StatusChange from '#models/status_change'
import { assertViolates } from '#tests/support/violations'

async function owners() {
  const user = await UserFactory.create()
  const tier = await PricingTierFactory.apply('monthly').create()
  return { userId: user.id, pricingTierId: tier.id }
}

test.group('Subscription', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a subscription that reloads with its user and tier', async ({ assert }) => {
    const subscription = await SubscriptionFactory.with('user').with('pricingTier', 1, (t) => t.apply('monthly')).create()
    const reloaded = await Subscription.query()
      .where('id', subscription.id)
      .preload('user')
      .preload('pricingTier')
      .firstOrFail()
    assert.equal(reloaded.user.id, subscription.userId)
    assert.equal(reloaded.pricingTier.monthlyLimit, 100)
    assert.equal(reloaded.status, 'active')
  })

  test('quota is left until usage reaches the monthly limit', async ({ assert }) => {
    const parts = await owners()
    const tier = await PricingTierFactory.apply('monthly').create()
    const fresh = await SubscriptionFactory.merge({ ...parts, usageInPeriod: 99 }).create()
    const exhausted = await SubscriptionFactory.merge(parts).apply('exhausted').create()
    assert.isTrue(fresh.hasQuotaLeft(tier))
    assert.isFalse(exhausted.hasQuotaLeft(tier))
  })

  test('a past-due subscription is renewed into a new period with usage reset', async ({ assert }) => {
    const subscription = await SubscriptionFactory.merge(await owners()).apply('pastDue').create()
    const start = DateTime.now().startOf('day')
    assert.isTrue(await subscription.renew(start, start.plus({ months: 1 })))
    const reloaded = await Subscription.findOrFail(subscription.id)
    assert.equal(reloaded.status, 'active')
    assert.equal(reloaded.usageInPeriod, 0)
    assert.isTrue(reloaded.currentPeriodStart.equals(start))
  })

  test('an active subscription renews once per period it replaces', async ({ assert }) => {
    const subscription = await SubscriptionFactory.merge(await owners()).create()
    const stale = await Subscription.findOrFail(subscription.id)
    const start = subscription.currentPeriodEnd.startOf('second')
    assert.isTrue(await subscription.renew(start, start.plus({ months: 1 })))
    // A second renewal from a copy read before the first: its period is gone.
    assert.isFalse(await stale.renew(start.plus({ months: 1 }), start.plus({ months: 2 })))
    const reloaded = await Subscription.findOrFail(subscription.id)
    assert.equal(reloaded.currentPeriodEnd.toMillis(), start.plus({ months: 1 }).toMillis())
    assert.deepEqual((await StatusChange.of('Subscription', subscription.id)).map((c) => c.toStatus), ['active'])
  })

  test('an active subscription can fall past due, be cancelled or expire', async ({ assert }) => {
    const parts = await owners()
    const [late, leaving, ending] = await SubscriptionFactory.merge(parts).createMany(3)
    assert.isTrue(await late.markPastDue())
    assert.isTrue(await leaving.cancel())
    assert.isTrue(await ending.expire())
    assert.equal((await Subscription.findOrFail(late.id)).status, 'past_due')
    assert.isNotNull((await Subscription.findOrFail(leaving.id)).cancelledAt)
    assert.equal((await Subscription.findOrFail(ending.id)).status, 'expired')
  })

  test('a cancelled subscription is not renewed and does not fall past due', async ({ assert }) => {
    const subscription = await SubscriptionFactory.merge(await owners()).apply('cancelled').create()
    const end = (await Subscription.findOrFail(subscription.id)).currentPeriodEnd.toMillis()
    assert.isFalse(await subscription.renew(DateTime.now(), DateTime.now().plus({ months: 1 })))
    assert.isFalse(await subscription.markPastDue())
    const reloaded = await Subscription.findOrFail(subscription.id)
    assert.equal(reloaded.status, 'cancelled')
    assert.equal(reloaded.currentPeriodEnd.toMillis(), end)
    assert.lengthOf(await StatusChange.of('Subscription', subscription.id), 0)
  })

  test('the current scope finds active subscriptions inside their period', async ({ assert }) => {
    const parts = await owners()
    const current = await SubscriptionFactory.merge(parts).create()
    await SubscriptionFactory.merge(parts).apply('pastDue').create()
    await SubscriptionFactory.merge({
      ...parts,
      currentPeriodStart: DateTime.now().minus({ days: 40 }),
      currentPeriodEnd: DateTime.now().minus({ days: 10 }),
    }).create()
    const found = await Subscription.query().withScopes((s) => s.current())
    assert.deepEqual(found.map((s) => s.id), [current.id])
  })

  test('deleting the user deletes their subscriptions', async ({ assert }) => {
    const subscription = await SubscriptionFactory.merge(await owners()).create()
    await db.from('users').where('id', subscription.userId).delete()
    assert.isNull(await Subscription.find(subscription.id))
  })

  test('the provider subscription id is unique', async () => {
    const parts = await owners()
    await SubscriptionFactory.merge({ ...parts, providerSubscriptionId: 'sub_123' }).create()
    await assertViolates(() => SubscriptionFactory.merge({ ...parts, providerSubscriptionId: 'sub_123' }).create(), 'unique')
  })

  test('usage cannot be negative', async () => {
    await assertViolates(async () => SubscriptionFactory.merge({ ...(await owners()), usageInPeriod: -1 }).create(), 'check')
  })

  test('a period must end after it starts', async () => {
    const now = DateTime.now()
    await assertViolates(
      async () => SubscriptionFactory.merge({ ...(await owners()), currentPeriodStart: now, currentPeriodEnd: now.minus({ days: 1 }) }).create(),
      'check'
    )
  })

  test('the status must be a known one', async () => {
    await assertViolates(async () => SubscriptionFactory.merge({ ...(await owners()), status: 'trialing' as any }).create(), 'check')
  })
})
