import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import { UserFactory } from '#database/factories/user_factory'
import { PaymentPlanFactory } from '#database/factories/payment_plan_factory'
import { resetRateLimits } from '#tests/support/throttle'

async function payment(fields: Partial<Payment>) {
  return Payment.create({ amount: 10_000, currency: 'USD', paymentType: 'deposit', method: 'card', provider: 'offline', idempotencyKey: randomUUID(), status: 'succeeded', refundAmount: 0, processedAt: DateTime.now(), ...fields })
}

test.group('Admin payments area', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('the overview shows today’s desk takings, failed charges, plans past due and the monthly revenue chart', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const family = await UserFactory.apply('customer').merge({ firstName: 'Maya', lastName: 'Rivera' }).create()
    await payment({ userId: family.id, amount: 12_000, method: 'cash', receivedBy: admin.id, paymentType: 'balance' })
    await payment({ userId: family.id, amount: 8_000, method: 'card', receivedBy: admin.id, paymentType: 'balance' })
    // Online money is not desk money, and last month's is not today's.
    await payment({ userId: family.id, amount: 50_000, provider: 'stripe' })
    await payment({ userId: family.id, amount: 7_000, method: 'cash', receivedBy: admin.id, processedAt: DateTime.now().minus({ months: 1 }) })
    await payment({ userId: family.id, amount: 4_400, status: 'failed', failureCode: 'card_declined', failureReason: 'Your card was declined.', processedAt: null })
    await PaymentPlanFactory.merge({ userId: family.id, status: 'past_due', failureCount: 2 }).create()

    const page = await client.get('/admin/payments').loginAs(admin)
    page.assertStatus(200)
    const html = page.text()
    assert.match(html, /Today at the desk<\/h2>\s*<p class="stat">\$200\.00<\/p>/)
    assert.include(html, 'Cash $120.00')
    assert.include(html, 'Your card was declined.')
    assert.match(html, /Plans past due<\/h2>\s*<p class="stat">1<\/p>/)
    const thisMonth = DateTime.now().toFormat('yyyy-LL')
    const lastMonth = DateTime.now().minus({ months: 1 }).toFormat('yyyy-LL')
    assert.match(html, new RegExp(`data-month="${thisMonth}">\\s*<rect[^>]*><title>[^<]*: \\$700\\.00</title>`))
    assert.match(html, new RegExp(`data-month="${lastMonth}">\\s*<rect[^>]*><title>[^<]*: \\$70\\.00</title>`))
  })

  test('payments filter by status, gateway, type and date', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const a = await UserFactory.apply('customer').merge({ firstName: 'Ana', lastName: 'Stripe' }).create()
    const b = await UserFactory.apply('customer').merge({ firstName: 'Bo', lastName: 'Desk' }).create()
    const c = await UserFactory.apply('customer').merge({ firstName: 'Cy', lastName: 'Failed' }).create()
    await payment({ userId: a.id, provider: 'stripe', paymentType: 'plan_payment' })
    await payment({ userId: b.id, provider: 'offline', paymentType: 'balance' })
    await payment({ userId: c.id, provider: 'stripe', status: 'failed' })
    const list = (qs: Record<string, string>) => client.get('/admin/payments').qs(qs).loginAs(admin)
    const names = (html: string) => ['Ana Stripe', 'Bo Desk', 'Cy Failed'].filter((name) => html.includes(`<td>${name}</td>`))
    assert.deepEqual(names((await list({ provider: 'stripe' })).text()), ['Ana Stripe', 'Cy Failed'])
    assert.deepEqual(names((await list({ status: 'failed' })).text()), ['Cy Failed'])
    assert.deepEqual(names((await list({ type: 'plan_payment' })).text()), ['Ana Stripe'])
    const today = DateTime.now().toISODate()!
    assert.deepEqual(names((await list({ from: today, to: today })).text()), ['Ana Stripe', 'Bo Desk', 'Cy Failed'])
    assert.deepEqual(names((await list({ to: DateTime.now().minus({ days: 1 }).toISODate()! })).text()), [])
  })

  test('only admins open the payments area', async ({ client }) => {
    for (const role of ['staff', 'photographer', 'customer'] as const) {
      const user = await UserFactory.apply(role).create()
      ;(await client.get('/admin/payments').loginAs(user).redirects(0)).assertStatus(403)
    }
  })
})
