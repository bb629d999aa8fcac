import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Payout from '#models/payout'
import { UserFactory } from '#database/factories/user_factory'
import { ensureParent } from '#database/factories/support/parent'

/** Last month's pending payout for a photographer. */
export const PayoutFactory = factory
  .define(Payout, ({ faker }) => {
    const month = DateTime.now().minus({ months: 1 })
    return {
      amount: faker.number.int({ min: 50, max: 900 }) * 100,
      currency: 'USD',
      periodStart: month.startOf('month'),
      periodEnd: month.endOf('month').startOf('day'),
      status: 'pending' as const,
    }
  })
  .before('create', async (builder, payout, ctx) => {
    payout.photographerId = (await ensureParent(builder, 'photographer', payout.photographerId, () =>
      UserFactory.query().useCtx(ctx).apply('photographer').create()
    ))!
  })
  .state('paid', (payout, { faker }) => {
    payout.status = 'paid'
    payout.reference = `po_${faker.string.alphanumeric(20)}`
    payout.processedAt = DateTime.now()
  })
  .state('failed', (payout) => {
    payout.status = 'failed'
    payout.failureReason = 'Payout account rejected the transfer'
    payout.processedAt = DateTime.now()
  })
  .relation('photographer', () => UserFactory)
  .build()
