import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Invoice from '#models/invoice'
import InvoiceItem from '#models/invoice_item'
import { InvoiceFactory } from '#database/factories/invoice_factory'
import { InvoiceItemFactory } from '#database/factories/invoice_item_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { OrderFactory } from '#database/factories/order_factory'
import StatusChange from '#models/status_change'
import { assertViolates } from '#tests/support/violations'

test.group('Invoice', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates an invoice that reloads with its family, session and items', async ({ assert }) => {
    const invoice = await InvoiceFactory.with('photoSession').with('items', 2).create()
    const reloaded = await Invoice.query()
      .where('id', invoice.id)
      .preload('user')
      .preload('photoSession')
      .preload('items')
      .preload('paymentPlans')
      .firstOrFail()
    assert.equal(reloaded.user.id, invoice.userId)
    assert.equal(reloaded.photoSession.id, invoice.photoSessionId)
    assert.lengthOf(reloaded.items, 2)
    assert.equal(reloaded.status, 'draft')
  })

  test('an invoice can bill an order', async ({ assert }) => {
    const order = await OrderFactory.create()
    const invoice = await InvoiceFactory.merge({ orderId: order.id }).create()
    const reloaded = await Invoice.query().where('id', invoice.id).preload('order').firstOrFail()
    assert.equal(reloaded.order.id, order.id)
  })

  test('a new invoice gets the next INV number and numbers are unique', async ({ assert }) => {
    const invoice = await InvoiceFactory.create()
    assert.match(invoice.number, new RegExp(`^INV-${DateTime.now().year}-\\d{6}$`))
    await assertViolates(() => InvoiceFactory.merge({ number: invoice.number }).create(), 'unique')
  })

  test('status and amounts are checked by the database', async () => {
    await assertViolates(() => InvoiceFactory.merge({ status: 'sent' as any }).create(), 'check')
    await assertViolates(() => InvoiceFactory.merge({ amountPaid: -1 }).create(), 'check')
    await assertViolates(() => InvoiceFactory.merge({ total: -100 }).create(), 'check')
  })

  test('an invoiced session cannot be deleted', async () => {
    const session = await PhotoSessionFactory.create()
    await InvoiceFactory.merge({ photoSessionId: session.id, userId: session.userId }).create()
    await assertViolates(() => db.from('photo_sessions').where('id', session.id).delete(), 'foreign_key')
  })

  test('recalculate sums the items into the total and keeps the tax', async ({ assert }) => {
    const invoice = await InvoiceFactory.merge({ taxAmount: 150 }).create()
    await InvoiceItemFactory.merge({ invoiceId: invoice.id, quantity: 2, unitAmount: 1250 }).create()
    await InvoiceItemFactory.merge({ invoiceId: invoice.id, quantity: 1, unitAmount: 500, position: 1 }).create()
    await invoice.recalculate()
    const reloaded = await Invoice.findOrFail(invoice.id)
    assert.equal(reloaded.subtotal, 3000)
    assert.equal(reloaded.total, 3150)
  })

  test('an invoice is issued, part-paid, then paid in full, each step in its history', async ({ assert }) => {
    const invoice = await InvoiceFactory.merge({ subtotal: 10000, total: 10000 }).create()
    assert.isTrue(await invoice.issue())
    assert.equal(invoice.status, 'open')
    assert.isNotNull((await Invoice.findOrFail(invoice.id)).issuedAt)

    assert.isTrue(await invoice.recordPayment(4000))
    const partly = await Invoice.findOrFail(invoice.id)
    assert.equal(partly.status, 'open')
    assert.equal(partly.balance, 6000)

    assert.isTrue(await invoice.recordPayment(6000))
    const reloaded = await Invoice.findOrFail(invoice.id)
    assert.equal(reloaded.status, 'paid')
    assert.equal(reloaded.amountPaid, 10000)
    assert.isNotNull(reloaded.paidAt)
    const history = await StatusChange.of('Invoice', invoice.id)
    assert.deepEqual(history.map((c) => [c.fromStatus, c.toStatus]), [
      ['draft', 'open'],
      ['open', 'open'],
      ['open', 'paid'],
    ])
  })

  test('a payment recorded from a copy read before another one is refused, not lost', async ({ assert }) => {
    const invoice = await InvoiceFactory.apply('open').merge({ subtotal: 10000, total: 10000, amountPaid: 0 }).create()
    const stale = await Invoice.findOrFail(invoice.id)
    assert.isTrue(await invoice.recordPayment(3000))
    assert.isFalse(await stale.recordPayment(2000))
    assert.equal((await Invoice.findOrFail(invoice.id)).amountPaid, 3000)
    await stale.refresh()
    assert.isTrue(await stale.recordPayment(2000))
    assert.equal((await Invoice.findOrFail(invoice.id)).amountPaid, 5000)
  })

  test('draft and open invoices can be voided', async ({ assert }) => {
    const draft = await InvoiceFactory.create()
    const open = await InvoiceFactory.apply('open').create()
    assert.isTrue(await draft.markVoid())
    assert.isTrue(await open.markVoid())
    assert.equal((await Invoice.findOrFail(draft.id)).status, 'void')
    assert.isNotNull((await Invoice.findOrFail(open.id)).voidedAt)
  })

  test('refused invoice transitions return false and change nothing', async ({ assert }) => {
    const draft = await InvoiceFactory.create()
    const paid = await InvoiceFactory.apply('paid').create()
    const voided = await InvoiceFactory.apply('void').create()
    const open = await InvoiceFactory.apply('open').create()
    assert.isFalse(await draft.markPaid())
    assert.isFalse(await draft.recordPayment(100))
    assert.isFalse(await paid.markVoid())
    assert.isFalse(await paid.issue())
    assert.isFalse(await voided.issue())
    assert.isFalse(await open.issue())
    const reloaded = await Invoice.findOrFail(draft.id)
    assert.equal(reloaded.status, 'draft')
    assert.equal(reloaded.amountPaid, 0)
    assert.equal((await Invoice.findOrFail(paid.id)).status, 'paid')
    assert.lengthOf(await StatusChange.query().where('subject_type', 'Invoice'), 0)
  })

  test('overdue lists open invoices past their due date', async ({ assert }) => {
    const overdue = await InvoiceFactory.apply('overdue').create()
    await InvoiceFactory.apply('open').create()
    await InvoiceFactory.apply('paid').merge({ dueOn: DateTime.now().minus({ days: 9 }) }).create()
    const ids = (await Invoice.query().withScopes((s) => s.overdue())).map((i) => i.id)
    assert.deepEqual(ids, [overdue.id])
  })
})

test.group('Invoice item', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates an item that reloads with its invoice', async ({ assert }) => {
    const item = await InvoiceItemFactory.create()
    const reloaded = await InvoiceItem.query().where('id', item.id).preload('invoice').firstOrFail()
    assert.equal(reloaded.invoice.id, item.invoiceId)
    assert.equal(reloaded.lineTotal, item.quantity * item.unitAmount)
  })

  test('quantity must be positive and the amount not negative', async () => {
    await assertViolates(() => InvoiceItemFactory.merge({ quantity: 0 }).create(), 'check')
    await assertViolates(() => InvoiceItemFactory.merge({ unitAmount: -5 }).create(), 'check')
  })

  test('items go with their invoice', async ({ assert }) => {
    const item = await InvoiceItemFactory.create()
    await db.from('invoices').where('id', item.invoiceId).delete()
    assert.isNull(await InvoiceItem.find(item.id))
  })
})
