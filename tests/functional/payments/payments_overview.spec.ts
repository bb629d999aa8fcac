import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import PlanInstallment from '#models/plan_installment'
import Refund from '#models/refund'
import StudioSetting from '#models/studio_setting'
import type User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { PaymentPlanFactory } from '#database/factories/payment_plan_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { OrderFactory } from '#database/factories/order_factory'
import { resetRateLimits } from '#tests/support/throttle'

function payment(fields: Partial<Payment>) {
  return Payment.create({ amount: 10_000, currency: 'USD', paymentType: 'deposit', method: 'card', provider: 'stripe', idempotencyKey: randomUUID(), status: 'succeeded', refundAmount: 0, processedAt: DateTime.now(), ...fields })
}

function declined(fields: Partial<Payment>) {
  return payment({ status: 'failed', failureCode: 'card_declined', failureReason: 'Your card was declined.', processedAt: null, ...fields })
}

/** The text of a panel: from its title to the end of its card. */
function panel(html: string, title: string) {
  const start = html.indexOf(`>${title}</h2>`)
  return html.slice(start, html.indexOf('</section>', start))
}

const stat = (card: string) => Number(card.match(/<p class="stat">([^<]*)<\/p>/)![1])

async function overview(client: any, admin: User) {
  const page = await client.get('/admin/payments').loginAs(admin)
  page.assertStatus(200)
  return page.text() as string
}

test.group('Admin payments overview', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('failed charges list only what is still owed: not declines a retry paid since', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const family = await UserFactory.apply('customer').create()

    // Instalments: one declined then paid by a retry, one still failing, one on a cancelled plan.
    const retried = await PaymentPlanFactory.merge({ userId: family.id, status: 'active' }).create()
    const paidLater = await PlanInstallment.query().where('payment_plan_id', retried.id).where('status', 'paid').firstOrFail()
    await declined({ userId: family.id, paymentType: 'plan_payment', paymentPlanId: retried.id, planInstallmentId: paidLater.id, amount: 1_101 })
    const failing = await PaymentPlanFactory.merge({ userId: family.id, status: 'past_due', failureCount: 1 }).create()
    const open = await PlanInstallment.query().where('payment_plan_id', failing.id).where('status', 'failed').firstOrFail()
    await declined({ userId: family.id, paymentType: 'plan_payment', paymentPlanId: failing.id, planInstallmentId: open.id, amount: 2_202 })
    const cancelled = await PaymentPlanFactory.merge({ userId: family.id, status: 'cancelled' }).create()
    const dropped = await PlanInstallment.query().where('payment_plan_id', cancelled.id).whereNot('status', 'paid').firstOrFail()
    await declined({ userId: family.id, paymentType: 'plan_payment', paymentPlanId: cancelled.id, planInstallmentId: dropped.id, amount: 3_303 })

    // Sessions: a deposit declined then paid; a balance still due; a balance since paid in full; a cancelled session.
    const deposited = await PhotoSessionFactory.merge({ userId: family.id }).create()
    await declined({ userId: family.id, photoSessionId: deposited.id, amount: 4_404 })
    await payment({ userId: family.id, photoSessionId: deposited.id, amount: 4_404 })
    const owing = await PhotoSessionFactory.merge({ userId: family.id, status: 'confirmed' }).create()
    await declined({ userId: family.id, photoSessionId: owing.id, paymentType: 'balance', amount: 5_505 })
    const settled = await PhotoSessionFactory.merge({ userId: family.id, status: 'confirmed', balanceDue: 0 }).create()
    await declined({ userId: family.id, photoSessionId: settled.id, paymentType: 'balance', amount: 6_606 })
    const gone = await PhotoSessionFactory.apply('cancelled').merge({ userId: family.id }).create()
    await declined({ userId: family.id, photoSessionId: gone.id, amount: 7_707 })

    // Orders: one still pending, one paid since.
    const pending = await OrderFactory.merge({ userId: family.id }).create()
    await declined({ userId: family.id, orderId: pending.id, paymentType: 'product_purchase', amount: 8_808 })
    const paid = await OrderFactory.apply('paid').merge({ userId: family.id }).create()
    await declined({ userId: family.id, orderId: paid.id, paymentType: 'product_purchase', amount: 9_909 })

    const card = panel(await overview(client, admin), 'Failed charges')
    assert.equal(stat(card), 3)
    for (const shown of ['$22.02', '$55.05', '$88.08']) assert.include(card, shown)
    for (const hidden of ['$11.01', '$33.03', '$44.04', '$66.06', '$77.07', '$99.09']) assert.notInclude(card, hidden)
  })

  test('with every decline paid since, the failed charges panel shows its empty state', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const family = await UserFactory.apply('customer').create()
    const plan = await PaymentPlanFactory.merge({ userId: family.id, status: 'active' }).create()
    const installment = await PlanInstallment.query().where('payment_plan_id', plan.id).where('status', 'paid').firstOrFail()
    await declined({ userId: family.id, paymentType: 'plan_payment', paymentPlanId: plan.id, planInstallmentId: installment.id })

    const card = panel(await overview(client, admin), 'Failed charges')
    assert.equal(stat(card), 0)
    assert.include(card, 'Nothing to chase.')
    assert.notInclude(card, '<li>')
  })

  test('panels count every row and list the latest twenty', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const family = await UserFactory.apply('customer').create()
    for (let i = 0; i < 23; i++) await declined({ userId: family.id })
    for (let i = 0; i < 21; i++) await PaymentPlanFactory.merge({ userId: family.id, status: 'past_due', failureCount: 1 }).create()

    const html = await overview(client, admin)
    const failed = panel(html, 'Failed charges')
    assert.equal(stat(failed), 23)
    assert.lengthOf(failed.match(/<li>/g) ?? [], 20)
    assert.include(failed, 'The latest 20 shown.')
    const pastDue = panel(html, 'Plans past due')
    assert.equal(stat(pastDue), 21)
    assert.lengthOf(pastDue.match(/<li>/g) ?? [], 20)
    assert.include(pastDue, 'The latest 20 shown.')
  })

  test('each past-due plan links to its photo session in admin', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const family = await UserFactory.apply('customer').merge({ firstName: 'Maya', lastName: 'Rivera' }).create()
    const plan = await PaymentPlanFactory.merge({ userId: family.id, status: 'past_due', failureCount: 2 }).create()

    const card = panel(await overview(client, admin), 'Plans past due')
    assert.include(card, `<a href="/admin/sessions/${plan.photoSessionId}">Maya Rivera</a>`)
    const session = await client.get(`/admin/sessions/${plan.photoSessionId}`).loginAs(admin)
    session.assertStatus(200)
  })

  test('the revenue chart is in the studio’s currency', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const settings = await StudioSetting.current()
    settings.currency = 'EUR'
    await settings.save()
    await payment({ amount: 12_345, currency: 'EUR' })

    const html = await overview(client, admin)
    const thisMonth = DateTime.now().setZone(settings.timezone).toFormat('yyyy-LL')
    assert.match(html, new RegExp(`data-month="${thisMonth}">\\s*<rect[^>]*><title>[^<]*: €123\\.45</title>`))
    assert.notInclude(panel(html, 'Revenue by month'), '$')
  })

  test('a refund lowers the month it was given back in, not the month of the payment', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const now = DateTime.now().setZone((await StudioSetting.current()).timezone)
    const midMonth = (months: number) => now.startOf('month').minus({ months }).plus({ days: 14, hours: 12 })
    const old = await payment({ amount: 50_000, status: 'partially_refunded', refundAmount: 10_000, processedAt: midMonth(2) })
    await Refund.create({ paymentId: old.id, amount: 10_000, currency: 'USD', reason: 'Two photos missing', idempotencyKey: randomUUID(), status: 'succeeded' })
    await payment({ amount: 30_000 })
    // Last month's refund of last month's payment; a refund still processing counts nowhere yet.
    const recent = await payment({ amount: 20_000, status: 'partially_refunded', refundAmount: 5_000, processedAt: midMonth(1) })
    await Refund.create({ paymentId: recent.id, amount: 5_000, currency: 'USD', reason: 'Goodwill', idempotencyKey: randomUUID(), status: 'succeeded', createdAt: midMonth(1) })
    await Refund.create({ paymentId: recent.id, amount: 1_000, currency: 'USD', reason: 'Asked again', idempotencyKey: randomUUID(), status: 'processing' })

    const html = await overview(client, admin)
    const month = (months: number) => {
      const key = now.minus({ months }).toFormat('yyyy-LL')
      return html.match(new RegExp(`data-month="${key}">\\s*<rect[^>]*><title>[^<]*: ([^<]*)</title>`))![1]
    }
    assert.equal(month(2), '$500.00')
    assert.equal(month(1), '$150.00')
    assert.equal(month(0), '$200.00')
  })
})
