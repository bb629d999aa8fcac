import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { randomUUID } from 'node:crypto'
import Payment from '#models/payment'
import Invoice from '#models/invoice'
import Refund from '#models/refund'
import EmailLog from '#models/email_log'
import StatusChange from '#models/status_change'
import { UserFactory } from '#database/factories/user_factory'
import ApplyPaymentToInvoice from '#actions/invoices/apply_payment_to_invoice'
import { actors } from '#support/actor'
import { resetRateLimits } from '#tests/support/throttle'
import { todaysSession } from '#tests/support/kiosk'

/** A $300 balance paid at the desk, counted on its invoice. */
async function paidBalance() {
  const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
  const payment = await Payment.create({ userId: session.userId, photoSessionId: session.id, amount: 30_000, currency: 'USD', paymentType: 'balance', method: 'cash', provider: 'offline', idempotencyKey: `desk:${randomUUID()}`, status: 'succeeded', refundAmount: 0 })
  const invoice = await ApplyPaymentToInvoice.handle(payment, { actor: actors.system('test') })
  return { session, payment: await Payment.findOrFail(payment.id), invoice: invoice! }
}

test.group('Refunds', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('an admin refunds part of a payment through its gateway, once however often the form is sent; the family is emailed', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { session, payment, invoice } = await paidBalance()
    const key = randomUUID()
    const refund = () =>
      client.post(`/admin/payments/${payment.id}/refunds`).form({ amount: '75.50', reason: 'Two photos could not be delivered', idempotencyKey: key }).loginAs(admin).withCsrfToken().redirects(0)
    const first = await refund()
    first.assertStatus(303)
    assert.equal(first.flashMessages().success, '$75.50 refunded; the family is emailed.')
    ;(await refund()).assertStatus(303)

    const rows = await Refund.query().where('payment_id', payment.id)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].amount, 7550)
    assert.equal(rows[0].status, 'succeeded')
    assert.equal(rows[0].actorId, admin.id)
    assert.equal(rows[0].invoiceId, invoice.id)
    const stored = await Payment.findOrFail(payment.id)
    assert.equal(stored.status, 'partially_refunded')
    assert.equal(stored.refundAmount, 7550)
    assert.equal(stored.refundReason, 'Two photos could not be delivered')
    assert.equal((await Invoice.findOrFail(invoice.id)).refundedAmount, 7550)
    const change = await StatusChange.query().where('subject_type', 'Payment').where('subject_id', payment.id).firstOrFail()
    assert.equal(`${change.fromStatus}→${change.toStatus}`, 'succeeded→partially_refunded')
    assert.equal(change.actorId, admin.id)

    const mails = await EmailLog.query().where('subject', `Refund: $75.50 on invoice ${invoice.number}`)
    assert.lengthOf(mails, 1)
    assert.include(mails[0].text!, 'Two photos could not be delivered')
    assert.equal(mails[0].to, (await session.related('user').query().firstOrFail()).email)

    // The rest, with a new form: now fully refunded, and the page offers no more.
    ;(await client.post(`/admin/payments/${payment.id}/refunds`).form({ amount: '224.50', reason: 'Session cancelled by the studio', idempotencyKey: randomUUID() }).loginAs(admin).withCsrfToken().redirects(0)).assertStatus(303)
    const done = await Payment.findOrFail(payment.id)
    assert.equal(done.status, 'refunded')
    assert.equal(done.refundAmount, 30_000)
    const page = await client.get(`/admin/payments/${payment.id}`).loginAs(admin)
    page.assertTextIncludes('Refunded')
    assert.notInclude(page.text(), 'name="idempotencyKey"')
  })

  test('more than is left to refund is a field error (422 for JSON) and refunds nothing', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { payment } = await paidBalance()
    const json = await client.post(`/admin/payments/${payment.id}/refunds`).json({ amount: 300.01, reason: 'Too generous', idempotencyKey: randomUUID() }).accept('json').loginAs(admin).withCsrfToken()
    json.assertStatus(422)
    assert.deepEqual(json.body().errors.map((e: { field: string; message: string }) => [e.field, e.message]), [['amount', 'At most $300.00 can be refunded.']])

    const bad = await client.post(`/admin/payments/${payment.id}/refunds`).json({ amount: -5, reason: '', idempotencyKey: 'nope' }).accept('json').loginAs(admin).withCsrfToken()
    bad.assertStatus(422)
    assert.sameMembers(bad.body().errors.map((e: { field: string }) => e.field), ['amount', 'reason', 'idempotencyKey'])

    const form = await client.post(`/admin/payments/${payment.id}/refunds`).form({ amount: '500', reason: 'Too generous', idempotencyKey: randomUUID() }).loginAs(admin).withCsrfToken().redirects(0)
    assert.deepEqual((form.flashMessages().inputErrorsBag as Record<string, string[]>).amount, ['At most $300.00 can be refunded.'])

    assert.lengthOf(await Refund.query().where('payment_id', payment.id), 0)
    assert.equal((await Payment.findOrFail(payment.id)).status, 'succeeded')
  })

  test('a pending payment has nothing to refund, and only admins refund', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const staff = await UserFactory.apply('staff').create()
    const { payment } = await paidBalance()
    const pending = await Payment.create({ userId: payment.userId, photoSessionId: payment.photoSessionId, amount: 5_000, currency: 'USD', paymentType: 'balance', method: 'in_studio', provider: 'offline', idempotencyKey: `desk:${randomUUID()}`, status: 'pending', refundAmount: 0 })
    const refused = await client.post(`/admin/payments/${pending.id}/refunds`).json({ amount: 10, reason: 'Not paid yet', idempotencyKey: randomUUID() }).accept('json').loginAs(admin).withCsrfToken()
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].message, 'Nothing is left to refund on this payment.')
    const forbidden = await client.post(`/admin/payments/${payment.id}/refunds`).form({ amount: '10', reason: 'Kind gesture', idempotencyKey: randomUUID() }).loginAs(staff).withCsrfToken().redirects(0)
    forbidden.assertStatus(403)
    assert.lengthOf(await Refund.all(), 0)
  })
})
