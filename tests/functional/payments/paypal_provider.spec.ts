import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Payment from '#models/payment'
import { PaymentFactory } from '#database/factories/payment_factory'
import { SubscriptionFactory } from '#database/factories/subscription_factory'

test.group('Migration 0770: payments and subscriptions accept the paypal provider', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a PayPal payment row is saved and read back, and a refund against it keeps its foreign key', async ({ assert }) => {
    const payment = await PaymentFactory.merge({ provider: 'paypal', providerPaymentId: 'ORDER-1' }).apply('succeeded').create()
    const fresh = await Payment.findOrFail(payment.id)
    assert.equal(fresh.provider, 'paypal')

    const refundRow = (paymentId: string) => {
      const now = new Date()
      return { id: crypto.randomUUID(), payment_id: paymentId, amount: 1000, currency: 'USD', reason: 'One print less', idempotency_key: crypto.randomUUID(), status: 'succeeded', created_at: now, updated_at: now }
    }
    await db.table('refunds').insert(refundRow(payment.id))
    const orphan = db.table('refunds').insert(refundRow(crypto.randomUUID()))
    await assert.rejects(() => orphan, /foreign key/i)
  })

  test('a PayPal subscription row is saved; an unknown provider is still refused', async ({ assert }) => {
    const subscription = await SubscriptionFactory.merge({ provider: 'paypal' }).with('user').with('pricingTier', 1, (tier) => tier.apply('monthly')).create()
    assert.equal((await subscription.refresh()).provider, 'paypal')
    await assert.rejects(
      () => PaymentFactory.merge({ provider: 'venmo' as 'paypal' }).create(),
      /check constraint|CHECK constraint failed/i
    )
  })
})
