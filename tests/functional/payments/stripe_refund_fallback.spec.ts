import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import env from '#start/env'
import Payment from '#models/payment'
import Refund from '#models/refund'
import type User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { useGateway } from '#services/payments/gateway'
import { OfflineGateway } from '#services/payments/offline_gateway'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { gatewayFor, paidStripeDeposit, stripeEnv, useLocalStripe } from '#tests/support/stripe'


function refund(client: any, admin: User, payment: Payment, amount: string) {
  return client.post(`/admin/payments/${payment.id}/refunds`).json({ amount, reason: 'Two photos missing', idempotencyKey: randomUUID() }).accept('json').loginAs(admin).withCsrfToken()
}

const STRIPE_KEYS = ['PAYMENT_GATEWAY', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_HOST', 'STRIPE_API_PORT', 'STRIPE_API_PROTOCOL'] as const

/** Sets env values for one test; the cleanup puts the earlier ones back. */
function setEnv(values: Partial<Record<(typeof STRIPE_KEYS)[number], string>>) {
  const before = Object.fromEntries(STRIPE_KEYS.map((key) => [key, env.get(key)]))
  for (const [key, value] of Object.entries(values)) env.set(key as any, value as any)
  return () => {
    for (const key of STRIPE_KEYS) {
      env.set(key, before[key] as any)
      if (before[key] === undefined) delete process.env[key]
    }
  }
}

test.group('Refunds of Stripe payments after PAYMENT_GATEWAY moved on', (group) => {
  let stripe: LocalStripe
  useLocalStripe(group, (started) => (stripe = started))
  group.each.setup(() => () => useGateway(gatewayFor(stripe)))

  test('go back through Stripe while its keys are still set', async ({ client, assert, cleanup }) => {
    const admin = await UserFactory.apply('admin').create()
    const { payment } = await paidStripeDeposit(client, stripe)
    assert.equal(payment.status, 'succeeded')
    assert.equal(payment.provider, 'stripe')
    useGateway(new OfflineGateway())
    const { PAYMENT_GATEWAY: _, ...keys } = stripeEnv(stripe)
    cleanup(setEnv({ ...keys, PAYMENT_GATEWAY: 'offline' }))

    const response = await refund(client, admin, payment, '25')
    response.assertStatus(200)
    const rows = await Refund.query().where('payment_id', payment.id)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].status, 'succeeded')
    assert.match(rows[0].providerRefundId ?? '', /^re_/)
    await payment.refresh()
    assert.equal(payment.status, 'partially_refunded')
    assert.equal(payment.refundAmount, 2_500)
    // Stripe's charge.refunded comes back while its keys are still set: known, not counted twice.
    await stripe.flushWebhooks()
    await payment.refresh()
    assert.equal(payment.refundAmount, 2_500)
  })

  test('are refused as gateway unavailable once the Stripe keys are gone', async ({ client, assert, cleanup }) => {
    const admin = await UserFactory.apply('admin').create()
    const { payment } = await paidStripeDeposit(client, stripe)
    assert.equal(payment.status, 'succeeded')
    assert.equal(payment.provider, 'stripe')
    useGateway(new OfflineGateway())
    cleanup(setEnv({ PAYMENT_GATEWAY: 'offline', STRIPE_SECRET_KEY: '' }))

    const response = await refund(client, admin, payment, '25')
    response.assertStatus(422)
    assert.include(response.text(), 'The stripe gateway is not configured here')
    assert.lengthOf(await Refund.query().where('payment_id', payment.id), 0)
    await payment.refresh()
    assert.equal(payment.refundAmount, 0)
  })
})
