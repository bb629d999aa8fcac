import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Subscription from '#models/subscription'
import { UserFactory } from '#database/factories/user_factory'
import { PricingTierFactory } from '#database/factories/pricing_tier_factory'

/** Needs its user and tier: `.with('user').with('pricingTier', 1, (t) => t.apply('monthly'))`. */
export const SubscriptionFactory = factory
  .define(Subscription, ({ faker }) => ({
    provider: 'stripe' as const,
    providerSubscriptionId: `sub_test_${faker.string.alphanumeric(14)}`,
    status: 'active' as const,
    currentPeriodStart: DateTime.now().minus({ days: 10 }),
    currentPeriodEnd: DateTime.now().plus({ days: 20 }),
    usageInPeriod: faker.number.int({ min: 0, max: 40 }),
  }))
  .state('pastDue', (subscription) => {
    subscription.status = 'past_due'
    subscription.currentPeriodStart = DateTime.now().minus({ days: 33 })
    subscription.currentPeriodEnd = DateTime.now().minus({ days: 3 })
  })
  .state('cancelled', (subscription) => {
    subscription.status = 'cancelled'
    subscription.cancelledAt = DateTime.now().minus({ days: 1 })
  })
  .state('exhausted', (subscription) => (subscription.usageInPeriod = 100))
  .relation('user', () => UserFactory)
  .relation('pricingTier', () => PricingTierFactory)
  .build()
