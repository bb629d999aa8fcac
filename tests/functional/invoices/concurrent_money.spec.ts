import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import Payment from '#models/payment'
import Invoice from '#models/invoice'
import Refund from '#models/refund'
import EmailLog from '#models/email_log'
import { UserFactory } from '#database/factories/user_factory'
import ApplyPaymentToInvoice from '#actions/invoices/apply_payment_to_invoice'
import RefundPayment from '#actions/payments/refund_payment'
import { actors } from '#support/actor'
import { truncateAfterEach } from '#tests/support/truncate'
import { todaysSession } from '#tests/support/kiosk'

async function succeeded(session: { id: string; userId: string }, amount: number) {
  return Payment.create({ userId: session.userId, photoSessionId: session.id, amount, currency: 'USD', paymentType: 'balance', method: 'cash', provider: 'offline', idempotencyKey: `desk:${randomUUID()}`, status: 'succeeded', refundAmount: 0 })
}

test.group('Money at once (real connections)', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two payments of one invoice applied at once both count, and one applied twice at once counts once', async ({ assert }) => {
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const first = await succeeded(session, 10_000)
    const invoice = (await ApplyPaymentToInvoice.handle(first, { actor: actors.system('test') }))!
    await Invoice.query().where('id', invoice.id).update({ status: 'open', total: 40_000, subtotal: 40_000, paid_at: null })
    const [a, b] = [await succeeded(session, 10_000), await succeeded(session, 20_000)]
    const loaded = async () => Invoice.findOrFail(invoice.id)
    await Promise.all([
      ApplyPaymentToInvoice.handle(a, { actor: actors.system('a'), invoice: await loaded() }),
      ApplyPaymentToInvoice.handle(b, { actor: actors.system('b'), invoice: await loaded() }),
      ApplyPaymentToInvoice.handle(await Payment.findOrFail(b.id), { actor: actors.system('b again'), invoice: await loaded() }),
    ])
    const stored = await loaded()
    assert.equal(stored.amountPaid, 40_000)
    assert.equal(stored.status, 'paid')
  })

  test('the same refund form sent twice at once refunds once; two refunds that together exceed the payment: one wins', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const actor = actors.user(admin)
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const payment = await succeeded(session, 30_000)
    const key = randomUUID()
    const twice = await Promise.all([1, 2].map(async () => RefundPayment.handle(actor, await Payment.findOrFail(payment.id), { amount: 5_000, reason: 'Scratched album', idempotencyKey: key })))
    assert.lengthOf(await Refund.query().where('payment_id', payment.id), 1)
    assert.isTrue(twice.some((r) => r.ok && !r.replayed))
    assert.equal((await Payment.findOrFail(payment.id)).refundAmount, 5_000)

    const both = await Promise.all([1, 2].map(async () => RefundPayment.handle(actor, await Payment.findOrFail(payment.id), { amount: 20_000, reason: 'Cancelled', idempotencyKey: randomUUID() })))
    assert.deepEqual(both.map((r) => r.ok).sort(), [false, true])
    const stored = await Payment.findOrFail(payment.id)
    assert.equal(stored.refundAmount, 25_000)
    assert.equal(stored.status, 'partially_refunded')
    assert.lengthOf(await EmailLog.query().where('subject', 'like', 'Refund:%'), 2)
  })
})
