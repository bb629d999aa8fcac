import factory from '@adonisjs/lucid/factories'
import PricingTier from '#models/pricing_tier'

/** A pay-per-image tier by default. */
export const PricingTierFactory = factory
  .define(PricingTier, ({ faker }) => ({
    key: `tier_${faker.string.alphanumeric(8).toLowerCase()}`,
    name: 'Pay per image',
    description: 'Pay for each transformation after the free ones.',
    costPerImage: 99,
    monthlyLimit: null,
    costPerMonth: null,
    currency: 'USD',
    active: true,
    sortOrder: 1,
  }))
  .state('monthly', (tier) => {
    tier.name = 'Monthly'
    tier.costPerImage = null
    tier.monthlyLimit = 100
    tier.costPerMonth = 999
  })
  .state('free', (tier) => {
    tier.name = 'Free'
    tier.costPerImage = 0
  })
  .state('inactive', (tier) => (tier.active = false))
  .build()
