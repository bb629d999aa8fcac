import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { randomUUID } from 'node:crypto'
import Invoice from '#models/invoice'
import Payment from '#models/payment'
import StudioSetting from '#models/studio_setting'
import StatusChange from '#models/status_change'
import { UserFactory } from '#database/factories/user_factory'
import { OrderFactory } from '#database/factories/order_factory'
import { OrderItemFactory } from '#database/factories/order_item_factory'
import { PaymentPlanFactory } from '#database/factories/payment_plan_factory'
import { CustomOrderFactory } from '#database/factories/custom_order_factory'
import { CustomOrderMilestoneFactory } from '#database/factories/custom_order_milestone_factory'
import ApplyPaymentToInvoice from '#actions/invoices/apply_payment_to_invoice'
import { actors } from '#support/actor'
import { resetRateLimits } from '#tests/support/throttle'
import { KIOSK_COOKIE, pairedTablet, staffWithPin, todaysSession } from '#tests/support/kiosk'

async function taxAt(bps: number) {
  const settings = await StudioSetting.current()
  settings.taxRateBps = bps
  await settings.save()
}

test.group('Invoices: drafted, numbered and paid', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('a session completed with a balance gets a numbered draft balance invoice with the studio tax inside its price', async ({ client, assert }) => {
    await taxAt(800)
    const admin = await UserFactory.apply('admin').create()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'], { status: 'in_progress' })
    const done = await client.post(`/admin/sessions/${session.id}/status`).form({ to: 'completed' }).loginAs(admin).withCsrfToken().redirects(0)
    done.assertStatus(303)

    const invoices = await Invoice.query().where('photo_session_id', session.id).preload('items')
    assert.lengthOf(invoices, 1)
    const [invoice] = invoices
    assert.match(invoice.number, new RegExp(`^INV-${new Date().getFullYear()}-\\d{6}$`))
    assert.equal(invoice.kind, 'balance')
    assert.equal(invoice.status, 'draft')
    assert.equal(invoice.total, 30_000)
    // $300.00 at 8 % holds $22.22 of tax.
    assert.equal(invoice.taxAmount, 2222)
    assert.equal(invoice.subtotal, 27_778)
    assert.equal(invoice.items[0].description, `Balance for session ${session.sessionNumber} (Rockstar Mini)`)

    // Completing again (a double tap) drafts nothing more.
    await client.post(`/admin/sessions/${session.id}/status`).form({ to: 'completed' }).loginAs(admin).withCsrfToken().redirects(0)
    assert.lengthOf(await Invoice.query().where('photo_session_id', session.id), 1)
  })

  test('a session completed with nothing owed, or paying by plan, gets no balance invoice', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const paid = await todaysSession('10:00', { first: 'Ana', last: 'Paid' }, ['Leo'], { status: 'in_progress', balanceDue: 0 })
    const planned = await todaysSession('11:00', { first: 'Bo', last: 'Plan' }, ['Mia'], { status: 'in_progress' })
    await PaymentPlanFactory.merge({ userId: planned.userId, photoSessionId: planned.id, status: 'active' }).create()
    for (const session of [paid, planned]) {
      ;(await client.post(`/admin/sessions/${session.id}/status`).form({ to: 'completed' }).loginAs(admin).withCsrfToken().redirects(0)).assertStatus(303)
    }
    assert.lengthOf(await Invoice.query().whereIn('photo_session_id', [paid.id, planned.id]), 0)
  })

  test('desk payments settle the drafted balance invoice: part leaves it open, the rest marks it paid', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'], { status: 'in_progress' })
    await client.post(`/admin/sessions/${session.id}/status`).form({ to: 'completed' }).loginAs(admin).withCsrfToken().redirects(0)
    const pay = (amount: string) =>
      client.post(`/kiosk/sessions/${session.id}/desk-payments`).form({ amount, method: 'cash', idempotencyKey: randomUUID() }).loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)

    ;(await pay('100.00')).assertStatus(303)
    let invoice = await Invoice.query().where('photo_session_id', session.id).firstOrFail()
    assert.equal(invoice.status, 'open')
    assert.equal(invoice.amountPaid, 10_000)
    assert.isNotNull(invoice.issuedAt)

    ;(await pay('200.00')).assertStatus(303)
    invoice = await Invoice.query().where('photo_session_id', session.id).firstOrFail()
    assert.equal(invoice.status, 'paid')
    assert.equal(invoice.amountPaid, 30_000)
    assert.isNotNull(invoice.paidAt)
    const payments = await Payment.query().where('photo_session_id', session.id)
    assert.deepEqual(payments.map((p) => p.invoiceId), [invoice.id, invoice.id])
    const moves = await StatusChange.query().where('subject_type', 'Invoice').where('subject_id', invoice.id).orderBy('created_at')
    assert.deepEqual(moves.map((m) => `${m.fromStatus}→${m.toStatus}`), ['draft→open', 'open→open', 'open→paid'])
  })

  test('a payment with no invoice open gets one billing what it paid, and applying it twice counts it once', async ({ assert }) => {
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const payment = await Payment.create({ userId: session.userId, photoSessionId: session.id, amount: 10_000, currency: 'USD', paymentType: 'deposit', method: 'card', provider: 'offline', idempotencyKey: `deposit:${session.id}`, status: 'succeeded', refundAmount: 0 })
    const actor = actors.system('test')
    const invoice = await ApplyPaymentToInvoice.handle(payment, { actor })
    const again = await ApplyPaymentToInvoice.handle(await Payment.findOrFail(payment.id), { actor })
    assert.isNull(again)
    const stored = await Invoice.findOrFail(invoice!.id)
    assert.equal(stored.kind, 'deposit')
    assert.equal(stored.status, 'paid')
    assert.equal(stored.amountPaid, 10_000)
    assert.equal(stored.total, 10_000)
  })

  test('a plan payment counts on the plan invoice, which lists every instalment', async ({ assert }) => {
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const plan = await PaymentPlanFactory.merge({ userId: session.userId, photoSessionId: session.id, status: 'active', totalAmount: 30_000, paymentsTotal: 3 }).create()
    const payment = await Payment.create({ userId: session.userId, photoSessionId: session.id, paymentPlanId: plan.id, amount: 10_000, currency: 'USD', paymentType: 'plan_payment', method: 'card', provider: 'offline', idempotencyKey: `plan:${plan.id}:1`, status: 'succeeded', refundAmount: 0 })
    const invoice = await ApplyPaymentToInvoice.handle(payment, { actor: actors.system('test') })
    await invoice!.load('items')
    assert.equal(invoice!.kind, 'plan')
    assert.equal(invoice!.total, 30_000)
    assert.lengthOf(invoice!.items, 3)
    assert.include(invoice!.items[1].description, 'Instalment 2 of 3')
    assert.equal(invoice!.status, 'open')
    assert.equal(invoice!.amountPaid, 10_000)
  })

  test('a commission milestone paid gets a milestone invoice of the custom order', async ({ assert }) => {
    const customer = await UserFactory.apply('customer').create()
    const customOrder = await CustomOrderFactory.merge({ userId: customer.id, title: 'Family portrait in oils' }).create()
    const milestone = await CustomOrderMilestoneFactory.merge({ customOrderId: customOrder.id, title: 'Concept sketches', amount: 20_000, position: 1 }).create()
    const payment = await Payment.create({ userId: customer.id, customOrderMilestoneId: milestone.id, amount: 20_000, currency: 'USD', paymentType: 'milestone', method: 'card', provider: 'offline', idempotencyKey: `milestone:${milestone.id}`, status: 'succeeded', refundAmount: 0 })
    const invoice = (await ApplyPaymentToInvoice.handle(payment, { actor: actors.system('test') }))!
    await invoice.load('items')
    assert.equal(invoice.kind, 'milestone')
    assert.equal(invoice.customOrderId, customOrder.id)
    assert.equal(invoice.items[0].description, 'Family portrait in oils: milestone 1, Concept sketches')
    assert.equal(invoice.status, 'paid')
  })

  test('a shop order paid at the studio gets an invoice of its lines, shipping, discount and tax, totalling the order', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const customer = await UserFactory.apply('customer').create()
    const order = await OrderFactory.apply('discounted').merge({ userId: customer.id }).create()
    await OrderItemFactory.merge({ orderId: order.id, quantity: 2, unitPrice: order.subtotal / 2, totalPrice: order.subtotal }).with('productVariant').create()
    const payment = await Payment.create({ userId: customer.id, orderId: order.id, amount: order.totalAmount, currency: 'USD', paymentType: 'product_purchase', method: 'in_studio', provider: 'offline', idempotencyKey: `order:${order.id}`, status: 'pending', refundAmount: 0 })
    const received = await client.post(`/admin/payments/${payment.id}/receipt`).form({ method: 'card' }).loginAs(admin).withCsrfToken().redirects(0)
    received.assertStatus(303)
    const invoice = await Invoice.query().where('order_id', order.id).preload('items').firstOrFail()
    assert.equal(invoice.kind, 'order')
    assert.equal(invoice.status, 'paid')
    assert.equal(invoice.total, order.totalAmount)
    assert.equal(invoice.taxAmount, order.taxAmount)
    assert.equal(invoice.discountAmount, order.discountAmount)
    assert.equal(invoice.items.at(-1)!.description, `Shipping (${order.shippingMethod ?? 'standard'})`)
  })
})
