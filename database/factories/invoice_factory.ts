import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Invoice from '#models/invoice'
import { UserFactory } from '#database/factories/user_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { InvoiceItemFactory } from '#database/factories/invoice_item_factory'
import { ensureParent } from '#database/factories/support/parent'

/** A draft invoice; totals are set by the states or by `invoice.recalculate()` after adding items. */
export const InvoiceFactory = factory
  .define(Invoice, ({ faker }) => {
    const total = faker.number.int({ min: 5, max: 50 }) * 1000
    return {
      status: 'draft' as const,
      kind: 'other' as const,
      subtotal: total,
      discountAmount: 0,
      refundedAmount: 0,
      taxAmount: 0,
      total,
      amountPaid: 0,
      currency: 'USD',
      dueOn: DateTime.now().plus({ days: 14 }).startOf('day'),
      notes: null,
    }
  })
  .before('create', async (builder, invoice, ctx) => {
    invoice.userId = (await ensureParent(builder, 'user', invoice.userId, () =>
      UserFactory.query().useCtx(ctx).create()
    ))!
  })
  .state('open', (invoice) => {
    invoice.status = 'open'
    invoice.issuedAt = DateTime.now().minus({ days: 1 })
  })
  .state('overdue', (invoice) => {
    invoice.status = 'open'
    invoice.issuedAt = DateTime.now().minus({ days: 30 })
    invoice.dueOn = DateTime.now().minus({ days: 5 }).startOf('day')
  })
  .state('paid', (invoice) => {
    invoice.status = 'paid'
    invoice.issuedAt = DateTime.now().minus({ days: 7 })
    invoice.amountPaid = invoice.total
    invoice.paidAt = DateTime.now()
  })
  .state('void', (invoice) => {
    invoice.status = 'void'
    invoice.voidedAt = DateTime.now()
  })
  .relation('user', () => UserFactory)
  .relation('photoSession', () => PhotoSessionFactory)
  .relation('items', () => InvoiceItemFactory)
  .build()
