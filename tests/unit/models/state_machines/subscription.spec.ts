import { test } from '@japa/runner'
import Subscription from '#models/subscription'
import StatusChange from '#models/status_change'
import { SubscriptionFactory } from '#database/factories/subscription_factory'
import { PricingTierFactory } from '#database/factories/pricing_tier_factory'
import { UserFactory } from '#database/factories/user_factory'
import { truncateAfterEach } from '#tests/support/truncate'

test.group('Subscription state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('one invoice delivered twice renews an active subscription once (active → active)', async ({ assert }) => {
    const user = await UserFactory.create()
    const tier = await PricingTierFactory.create()
    const subscription = await SubscriptionFactory.merge({ userId: user.id, pricingTierId: tier.id }).create()
    const start = subscription.currentPeriodEnd.startOf('second')
    const copies = await Promise.all([Subscription.findOrFail(subscription.id), Subscription.findOrFail(subscription.id)])
    const results = await Promise.all(copies.map((copy) => copy.renew(start, start.plus({ months: 1 }))))
    assert.equal(results.filter(Boolean).length, 1)
    assert.lengthOf(await StatusChange.of('Subscription', subscription.id), 1)
  })

  test('cancelled and expired at once: one ending', async ({ assert }) => {
    const user = await UserFactory.create()
    const tier = await PricingTierFactory.create()
    const subscription = await SubscriptionFactory.merge({ userId: user.id, pricingTierId: tier.id }).create()
    const [a, b] = await Promise.all([Subscription.findOrFail(subscription.id), Subscription.findOrFail(subscription.id)])
    const results = await Promise.all([a.cancel(), b.expire()])
    assert.equal(results.filter(Boolean).length, 1)
    assert.lengthOf(await StatusChange.of('Subscription', subscription.id), 1)
  })
})
