import factory from '@adonisjs/lucid/factories'
import InvoiceItem from '#models/invoice_item'
import { InvoiceFactory } from '#database/factories/invoice_factory'
import { ensureParent } from '#database/factories/support/parent'

export const InvoiceItemFactory = factory
  .define(InvoiceItem, ({ faker }) => ({
    description: faker.commerce.productName(),
    quantity: faker.number.int({ min: 1, max: 3 }),
    unitAmount: faker.number.int({ min: 10, max: 200 }) * 100,
    position: 0,
  }))
  .before('create', async (builder, item, ctx) => {
    item.invoiceId = (await ensureParent(builder, 'invoice', item.invoiceId, () =>
      InvoiceFactory.query().useCtx(ctx).create()
    ))!
  })
  .relation('invoice', () => InvoiceFactory)
  .build()
