import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import DiscountCode from '#models/discount_code'

/**
 * One code in each state a checkout must handle: open, windowed, fixed, expired, used up,
 * upcoming; buy-X-get-Y, free shipping over a minimum, once per customer.
 */
export async function seedDiscountCodes(client: QueryClientContract) {
  const today = DateTime.now().startOf('day')
  const codes = [
    { code: 'WELCOME10', kind: 'percent', amount: 10, description: 'New families: 10% off the first print order' },
    {
      code: 'ROCKON20',
      kind: 'percent',
      amount: 20,
      description: 'Spring promotion',
      startsAt: today.minus({ days: 10 }),
      endsAt: today.plus({ days: 20 }),
    },
    {
      code: 'ENCORE15',
      kind: 'fixed',
      amount: 1500,
      description: '$15 off for returning families',
      maxRedemptions: 100,
      redemptions: 12,
    },
    {
      code: 'SUMMER25',
      kind: 'percent',
      amount: 25,
      description: 'Last summer’s sale (expired)',
      startsAt: today.minus({ days: 120 }),
      endsAt: today.minus({ days: 30 }),
    },
    {
      code: 'BACKSTAGE50',
      kind: 'percent',
      amount: 50,
      description: 'Staff friends and family',
      maxRedemptions: 5,
      redemptions: 5,
    },
    {
      code: 'HOLIDAY30',
      kind: 'percent',
      amount: 30,
      description: 'Holiday sale',
      startsAt: today.plus({ days: 14 }),
      endsAt: today.plus({ days: 45 }),
    },
    {
      code: 'PRINTS3FOR2',
      kind: 'percent',
      amount: 100,
      description: 'Buy two prints, the third (cheapest) is free',
      appliesTo: 'buy_x_get_y',
      buyQuantity: 2,
      getQuantity: 1,
    },
    {
      code: 'SHIPFREE',
      kind: 'percent',
      amount: 100,
      description: 'Free shipping on orders over $75',
      appliesTo: 'shipping',
      minOrderAmount: 7500,
    },
    {
      code: 'ONCEONLY5',
      kind: 'fixed',
      amount: 500,
      description: '$5 off, once per customer',
      maxPerCustomer: 1,
    },
  ] as const

  for (const code of codes) {
    await DiscountCode.firstOrCreate({ code: code.code }, { redemptions: 0, ...code }, { client })
  }
}
