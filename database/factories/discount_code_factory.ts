import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import DiscountCode from '#models/discount_code'

export const DiscountCodeFactory = factory
  .define(DiscountCode, ({ faker }) => ({
    code: `SAVE${faker.string.alphanumeric(8).toUpperCase()}`,
    description: null,
    kind: 'percent' as const,
    amount: 10,
    startsAt: null,
    endsAt: null,
    maxRedemptions: null,
    redemptions: 0,
  }))
  .state('fixed', (code) => {
    code.kind = 'fixed'
    code.amount = 1500
  })
  .state('expired', (code) => {
    code.startsAt = DateTime.now().minus({ days: 60 })
    code.endsAt = DateTime.now().minus({ days: 1 })
  })
  .state('upcoming', (code) => (code.startsAt = DateTime.now().plus({ days: 7 })))
  .state('exhausted', (code) => {
    code.maxRedemptions = 5
    code.redemptions = 5
  })
  .build()
