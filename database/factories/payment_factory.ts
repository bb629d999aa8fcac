import factory from '@adonisjs/lucid/factories'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import { UserFactory } from '#database/factories/user_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { PaymentPlanFactory } from '#database/factories/payment_plan_factory'
import { OrderFactory } from '#database/factories/order_factory'
import { ensureParent } from '#database/factories/support/parent'

/** A pending card deposit through Stripe. */
export const PaymentFactory = factory
  .define(Payment, ({ faker }) => ({
    amount: faker.number.int({ min: 5, max: 50 }) * 1000,
    currency: 'USD',
    paymentType: 'deposit' as const,
    method: 'card' as const,
    provider: 'stripe' as const,
    providerPaymentId: `pi_${faker.string.alphanumeric(24)}`,
    idempotencyKey: randomUUID(),
    status: 'pending' as const,
    refundAmount: 0,
  }))
  .before('create', async (builder, payment, ctx) => {
    payment.userId =
      (await ensureParent(builder, 'user', payment.userId, () => UserFactory.query().useCtx(ctx).create())) ?? null
  })
  .state('succeeded', (payment, { faker }) => {
    payment.status = 'succeeded'
    payment.providerChargeId = `ch_${faker.string.alphanumeric(24)}`
    payment.processedAt = DateTime.now()
  })
  .state('failed', (payment) => {
    payment.status = 'failed'
    payment.failureCode = 'card_declined'
    payment.failureReason = 'Your card was declined.'
    payment.processedAt = DateTime.now()
  })
  .state('refunded', (payment, { faker }) => {
    payment.status = 'refunded'
    payment.providerChargeId = `ch_${faker.string.alphanumeric(24)}`
    payment.refundAmount = payment.amount
    payment.refundReason = 'Session cancelled'
    payment.processedAt = DateTime.now().minus({ days: 3 })
  })
  .state('cash', (payment) => {
    payment.method = 'cash'
    payment.provider = 'offline'
    payment.providerPaymentId = null
  })
  .state('plan_payment', (payment) => (payment.paymentType = 'plan_payment'))
  .relation('user', () => UserFactory)
  .relation('photoSession', () => PhotoSessionFactory)
  .relation('paymentPlan', () => PaymentPlanFactory)
  .relation('order', () => OrderFactory)
  .build()
