import { test } from '@japa/runner'
import Invoice from '#models/invoice'
import StatusChange from '#models/status_change'
import { InvoiceFactory } from '#database/factories/invoice_factory'
import { truncateAfterEach } from '#tests/support/truncate'
import { raceTransition } from '#tests/support/race'

test.group('Invoice state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two issues of one draft: one wins, one history row', async ({ assert }) => {
    const invoice = await InvoiceFactory.create()
    assert.equal(await raceTransition(Invoice, invoice.id, (row) => row.issue()), 1)
    assert.lengthOf(await StatusChange.of('Invoice', invoice.id), 1)
  })

  test('two partial payments recorded from one reading (open → open): one counts, none is lost silently', async ({
    assert,
  }) => {
    const invoice = await InvoiceFactory.apply('open').merge({ subtotal: 10000, total: 10000, amountPaid: 0 }).create()
    assert.equal(await raceTransition(Invoice, invoice.id, (row) => row.recordPayment(3000)), 1)
    assert.lengthOf(await StatusChange.of('Invoice', invoice.id), 1)
    assert.equal((await Invoice.findOrFail(invoice.id)).amountPaid, 3000)
  })
})
