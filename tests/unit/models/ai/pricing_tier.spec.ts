import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import PricingTier from '#models/pricing_tier'
import { PricingTierFactory } from '#database/factories/pricing_tier_factory'
import { SubscriptionFactory } from '#database/factories/subscription_factory'
import { UserFactory } from '#database/factories/user_factory'
import { assertViolates } from '#tests/support/violations'

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

  test('a user cannot be put on a missing tier', async () => {
    const user = await UserFactory.create()
    await assertViolates(
      () => db.from('users').where('id', user.id).update({ pricing_tier_id: '00000000-0000-4000-8000-000000000000' }),
      'foreign_key'
    )
  })

  test('a tier with subscriptions cannot be deleted', async () => {
    const tier = await PricingTierFactory.apply('monthly').create()
    await SubscriptionFactory.with('user').merge({ pricingTierId: tier.id }).create()
    await assertViolates(() => tier.delete(), 'foreign_key')
  })

  test('the tier key is unique', async () => {
    await PricingTierFactory.merge({ key: 'monthly' }).create()
    await assertViolates(() => PricingTierFactory.merge({ key: 'monthly' }).create(), 'unique')
  })

  test('prices cannot be negative', async () => {
    await assertViolates(() => PricingTierFactory.merge({ costPerImage: -1 }).create(), 'check')
  })

  test('a monthly limit must be positive', async () => {
    await assertViolates(() => PricingTierFactory.merge({ costPerImage: null, costPerMonth: 999, monthlyLimit: 0 }).create(), 'check')
  })
})
