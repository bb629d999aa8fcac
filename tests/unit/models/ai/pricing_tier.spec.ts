import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import PricingTier from '#models/pricing_tier'
import { PricingTierFactory } from '#database/factories/pricing_tier_factory'
import { SubscriptionFactory } from '#database/factories/subscription_factory'
import { UserFactory } from '#database/factories/user_factory'

test.group('Pricing tier', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a tier that reloads with its subscriptions', async ({ assert }) => {
    const tier = await PricingTierFactory.apply('monthly').create()
    await SubscriptionFactory.with('user').merge({ pricingTierId: tier.id }).createMany(2)
    const reloaded = await PricingTier.query().where('id', tier.id).preload('subscriptions').firstOrFail()
    assert.lengthOf(reloaded.subscriptions, 2)
    assert.isTrue(reloaded.isSubscription)
    assert.isTrue(reloaded.active)
    assert.equal(reloaded.costPerMonth, 999)
  })

  test('the active scope lists offered tiers in order', async ({ assert }) => {
    const second = await PricingTierFactory.merge({ sortOrder: 2 }).create()
    const first = await PricingTierFactory.merge({ sortOrder: 1 }).apply('free').create()
    await PricingTierFactory.apply('inactive').create()
    const tiers = await PricingTier.query().withScopes((s) => s.active())
    assert.deepEqual(tiers.map((t) => t.id), [first.id, second.id])
    assert.isFalse(tiers[1].isSubscription)
  })

  test('a user can be put on a tier, and loses it (not the account) when the tier is deleted', async ({ assert }) => {
    const tier = await PricingTierFactory.create()
    const user = await UserFactory.create()
    await db.from('users').where('id', user.id).update({ pricing_tier_id: tier.id })
    assert.equal((await db.from('users').where('id', user.id).firstOrFail()).pricing_tier_id, tier.id)
    await tier.delete()
    const row = await db.from('users').where('id', user.id).firstOrFail()
    assert.isNull(row.pricing_tier_id)
  })

  test('a user cannot be put on a missing tier', async ({ assert }) => {
    const user = await UserFactory.create()
    await assert.rejects(() =>
      db.from('users').where('id', user.id).update({ pricing_tier_id: '00000000-0000-4000-8000-000000000000' })
    )
  })

  test('a tier with subscriptions cannot be deleted', async ({ assert }) => {
    const tier = await PricingTierFactory.apply('monthly').create()
    await SubscriptionFactory.with('user').merge({ pricingTierId: tier.id }).create()
    await assert.rejects(() => tier.delete())
  })

  test('the tier key is unique', async ({ assert }) => {
    await PricingTierFactory.merge({ key: 'monthly' }).create()
    await assert.rejects(() => PricingTierFactory.merge({ key: 'monthly' }).create())
  })

  test('prices cannot be negative', async ({ assert }) => {
    await assert.rejects(() => PricingTierFactory.merge({ costPerImage: -1 }).create())
  })

  test('a monthly limit must be positive', async ({ assert }) => {
    await assert.rejects(() => PricingTierFactory.merge({ costPerImage: null, costPerMonth: 999, monthlyLimit: 0 }).create())
  })
})
